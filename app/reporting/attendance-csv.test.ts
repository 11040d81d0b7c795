import { describe, expect, test } from 'vitest'
import {
  ATTENDANCE_MAX_ROWS,
  ATTENDANCE_TEMPLATE,
  countryCode,
  decodeCsv,
  detectDelimiter,
  gender,
  parseAttendanceCsv,
  stakeholderGroup,
  validAttendees,
  type AttendanceCsv,
} from './attendance-csv.ts'

function rows(csv: AttendanceCsv) {
  if (!csv.ok) throw new Error(`file problem: ${csv.problem.key}`)
  return csv.rows
}

const keys = (problems: { key: string }[]) => problems.map((p) => p.key)
const problemsByRow = (csv: AttendanceCsv) => Object.fromEntries(rows(csv).map((row) => [row.row, keys(row.problems)]))

describe('reading an attendance list', () => {
  test('a clean list becomes attendees: emails lower-cased, values normalised', () => {
    const csv = parseAttendanceCsv(
      [
        'name,email,stakeholder_group,country,gender,organisation',
        'Grace Banda, Grace.Banda@Example.ORG ,educator,MW,F,Chilanga Primary School',
        'Jean Dupont,,Parent ou aidant,France,homme,',
        'Amina Yusuf,amina@example.org,Sociedad civil,ng,Prefer not to say,Child Rights Network',
        'ليلى,laila@example.org,القطاع الحكومي,الأردن,أنثى,',
      ].join('\n'),
    )
    expect(validAttendees(csv)).toEqual([
      { name: 'Grace Banda', email: 'grace.banda@example.org', stakeholderGroup: 'educator', country: 'MW', gender: 'female', organisation: 'Chilanga Primary School' },
      { name: 'Jean Dupont', email: null, stakeholderGroup: 'parent_carer', country: 'FR', gender: 'male', organisation: null },
      { name: 'Amina Yusuf', email: 'amina@example.org', stakeholderGroup: 'civil_society', country: 'NG', gender: 'undisclosed', organisation: 'Child Rights Network' },
      { name: 'ليلى', email: 'laila@example.org', stakeholderGroup: 'government', country: 'JO', gender: 'female', organisation: null },
    ])
    expect(rows(csv).map((row) => row.row)).toEqual([2, 3, 4, 5])
  })

  test('headers in any order, case and spacing, and in other languages; unknown columns are listed', () => {
    const csv = parseAttendanceCsv('Groupe ; NOM COMPLET ; Courriel ; Remarques\r\nÉducateur ou éducatrice ; Marie Curie ; marie@example.org ; arrived late\r\n')
    expect(csv.ok && csv.ignoredColumns).toEqual(['Remarques'])
    expect(validAttendees(csv)).toEqual([
      { name: 'Marie Curie', email: 'marie@example.org', stakeholderGroup: 'educator', country: null, gender: null, organisation: null },
    ])
    const arabic = parseAttendanceCsv('الاسم,الفئة,البريد الإلكتروني\nسارة,معلّم أو مربٍّ,sara@example.org\n')
    expect(validAttendees(arabic)?.[0]).toMatchObject({ name: 'سارة', stakeholderGroup: 'educator', email: 'sara@example.org' })
    const spanish = parseAttendanceCsv('Nombre,Grupo,País,Género,Organización\nAna,Madre padre o cuidador,México,Mujer,ONG\n')
    expect(validAttendees(spanish)?.[0]).toMatchObject({ stakeholderGroup: 'parent_carer', country: 'MX', gender: 'female', organisation: 'ONG' })
  })

  test('a UTF-8 byte order mark and semicolons (Excel in French) are fine', () => {
    const csv = parseAttendanceCsv('\uFEFFname;stakeholder_group;organisation\r\n"Dupont; Jean";parent_carer;"Mairie de Lyon"\r\n')
    expect(validAttendees(csv)).toEqual([{ name: 'Dupont; Jean', email: null, stakeholderGroup: 'parent_carer', country: null, gender: null, organisation: 'Mairie de Lyon' }])
  })

  test("Excel's sep= line names the separator", () => {
    const csv = parseAttendanceCsv('sep=;\nname;group\nAna;educator\n')
    expect(validAttendees(csv)?.map((a) => a.name)).toEqual(['Ana'])
  })

  test('tab-separated text (pasted from a spreadsheet) is read too', () => {
    expect(validAttendees(parseAttendanceCsv('name\tgroup\nAna\tindustry\n'))?.[0]?.stakeholderGroup).toBe('industry')
  })

  test('each row gets its own problems, with its spreadsheet row number; blank rows keep the numbering', () => {
    const csv = parseAttendanceCsv(
      [
        'name,email,group,country,gender',
        'Ann,ann@example.org,educator,MW,female',
        ',bob@example.org,educator,,',
        '',
        'Carl,not-an-email,teachers of sorts,Atlantis,robot',
        ',,,,',
        'Dee,ANN@example.org,,,',
      ].join('\n'),
    )
    expect(problemsByRow(csv)).toEqual({
      2: [],
      3: ['activities.csv.nameMissing'],
      5: ['activities.csv.emailInvalid', 'activities.csv.groupUnknown', 'activities.csv.countryUnknown', 'activities.csv.genderUnknown'],
      7: ['activities.csv.emailDuplicate', 'activities.csv.groupMissing'],
    })
    expect(rows(csv).find((row) => row.row === 7)?.problems[0]).toEqual({ key: 'activities.csv.emailDuplicate', params: { row: 2 }, column: 'email' })
    expect(rows(csv).find((row) => row.row === 5)?.problems.map((p) => p.column)).toEqual(['email', 'stakeholder_group', 'country', 'gender'])
    expect(rows(csv).find((row) => row.row === 5)?.problems[2]).toEqual({ key: 'activities.csv.countryUnknown', params: { value: 'Atlantis' }, column: 'country' })
    expect(rows(csv).find((row) => row.row === 5)?.values).toMatchObject({ name: 'Carl', email: 'not-an-email', country: 'Atlantis' })
    // One bad row and nothing can be imported.
    expect(validAttendees(csv)).toBeNull()
  })

  test('overlong names and organisations are row problems', () => {
    const csv = parseAttendanceCsv(`name,group,organisation\n${'n'.repeat(201)},other,${'o'.repeat(201)}\n`)
    expect(problemsByRow(csv)).toEqual({ 2: ['activities.csv.nameTooLong', 'activities.csv.organisationTooLong'] })
  })

  test('problems with the whole file', () => {
    const problem = (text: string) => {
      const csv = parseAttendanceCsv(text)
      return csv.ok ? null : csv.problem
    }
    expect(problem('')).toEqual({ key: 'activities.csv.empty' })
    expect(problem('\uFEFF  \n\n')).toEqual({ key: 'activities.csv.empty' })
    expect(problem('email,country\na@example.org,MW\n')).toEqual({ key: 'activities.csv.missingColumns', params: { columns: 'name, stakeholder_group' } })
    // A file without a header: its first row is taken for one, and does not name the columns.
    expect(problem('Ann,educator\nBob,educator\n')).toEqual({ key: 'activities.csv.missingColumns', params: { columns: 'name, stakeholder_group' } })
    expect(problem('name,group\n')).toEqual({ key: 'activities.csv.noRows' })
    expect(problem('name,group\n,,\n')).toEqual({ key: 'activities.csv.noRows' })
    expect(problem('name,Name,group\n')).toEqual({ key: 'activities.csv.duplicateColumn', params: { column: 'Name' } })
    expect(problem('name,group\n"Ann,educator\n')).toEqual({ key: 'activities.csv.unreadable', params: { line: 2 } })
    const tooMany = `name,group\n${'Ann,educator\n'.repeat(ATTENDANCE_MAX_ROWS + 1)}`
    expect(problem(tooMany)).toEqual({ key: 'activities.csv.tooManyRows', params: { max: ATTENDANCE_MAX_ROWS, rows: ATTENDANCE_MAX_ROWS + 1 } })
  })

  test('the largest list allowed is read', () => {
    const csv = parseAttendanceCsv(`name,email,group\n${Array.from({ length: ATTENDANCE_MAX_ROWS }, (_, i) => `Person ${i},p${i}@example.org,educator`).join('\n')}`)
    expect(validAttendees(csv)).toHaveLength(ATTENDANCE_MAX_ROWS)
  })

  test('the template has every column and reads as an empty list', () => {
    expect(ATTENDANCE_TEMPLATE).toBe('name,email,stakeholder_group,country,gender,organisation\r\n')
    expect(parseAttendanceCsv(ATTENDANCE_TEMPLATE)).toEqual({ ok: false, problem: { key: 'activities.csv.noRows' } })
  })
})

describe('decoding an uploaded file', () => {
  test('UTF-8 (with or without a byte order mark), UTF-16 and Windows-1252', () => {
    const text = 'name,group\nHélène Núñez,educator\n'
    expect(decodeCsv(new TextEncoder().encode(text))).toBe(text)
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text)
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])])
    expect(decodeCsv(utf16)).toBe(text)
    const latin = new Uint8Array(Array.from(text).map((c) => c.charCodeAt(0)))
    expect(decodeCsv(latin)).toBe(text)
  })
})

describe('values in a list', () => {
  test('stakeholder groups: codes and labels in the four languages, whatever the case or accents', () => {
    expect(stakeholderGroup('parent_carer')).toBe('parent_carer')
    expect(stakeholderGroup('PARENT OR CARER')).toBe('parent_carer')
    expect(stakeholderGroup('Societe civile')).toBe('civil_society')
    expect(stakeholderGroup('Niña, niño o joven')).toBe('child_youth')
    expect(stakeholderGroup('المجتمع المدني')).toBe('civil_society')
    expect(stakeholderGroup('teachers')).toBe('educator')
    expect(stakeholderGroup('aliens')).toBeNull()
  })

  test('countries: ISO codes (2 or 3 letters) or names in the four languages', () => {
    expect(countryCode('mw')).toBe('MW')
    expect(countryCode('MWI')).toBe('MW')
    expect(countryCode('Malawi')).toBe('MW')
    expect(countryCode("Côte d'Ivoire")).toBe('CI')
    expect(countryCode('cote divoire')).toBe('CI')
    expect(countryCode('Royaume-Uni')).toBe('GB')
    expect(countryCode('España')).toBe('ES')
    expect(countryCode('المغرب')).toBe('MA')
    expect(countryCode('XX')).toBeNull()
    expect(countryCode('Narnia')).toBeNull()
  })

  test('genders', () => {
    expect(gender('F')).toBe('female')
    expect(gender('Femme')).toBe('female')
    expect(gender('masculino')).toBe('male')
    expect(gender('Non-binary')).toBe('other')
    expect(gender('prefer not to say')).toBe('undisclosed')
    expect(gender('ذكر')).toBe('male')
    expect(gender('robot')).toBeNull()
  })

  test('the separator is the one the header line uses most, outside quotes', () => {
    expect(detectDelimiter('name,email,group')).toBe(',')
    expect(detectDelimiter('nom;courriel;groupe')).toBe(';')
    expect(detectDelimiter('"name, full";group;email')).toBe(';')
    expect(detectDelimiter('name')).toBe(',')
  })
})
