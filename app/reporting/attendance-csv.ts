import { parse } from 'csv-parse/sync'
import countries from 'i18n-iso-countries'
import arCountries from 'i18n-iso-countries/langs/ar.json'
import enCountries from 'i18n-iso-countries/langs/en.json'
import esCountries from 'i18n-iso-countries/langs/es.json'
import frCountries from 'i18n-iso-countries/langs/fr.json'
import { emailSchema, STAKEHOLDER_GROUPS, type StakeholderGroup } from '#app/auth/profile.ts'
import { withoutControlCharacters } from '#app/utils/text.ts'
import arStrings from '#app/locales/ar/common.json'
import enStrings from '#app/locales/en/common.json'
import esStrings from '#app/locales/es/common.json'
import frStrings from '#app/locales/fr/common.json'
import { ATTENDANCE_COLUMNS, GENDERS, type AttendanceColumn, type CsvProblem, type Gender } from './activities.ts'

export { ATTENDANCE_COLUMNS, type AttendanceColumn, type CsvProblem }

// An offline activity's attendance list, as a CSV file exported from a
// spreadsheet. Columns are found by their header, in any order, in English,
// French, Spanish or Arabic; values (stakeholder groups, countries, genders)
// may be codes or words in those languages. Every row is checked and gets its
// own problems, so the admin sees all of them at once; the list is imported
// only when no row has any (see activities.server.ts).

/** Rows one file may hold (a large conference, not a mailing list). */
export const ATTENDANCE_MAX_ROWS = 5_000
/** Bytes one upload may hold: 5,000 generous rows. */
export const ATTENDANCE_MAX_BYTES = 2 * 1024 * 1024

const REQUIRED_COLUMNS: readonly AttendanceColumn[] = ['name', 'stakeholder_group']

/** The header line of the template admins can download. */
export const ATTENDANCE_TEMPLATE = `${ATTENDANCE_COLUMNS.join(',')}\r\n`


/** An attendee ready to store: email trimmed and lower-cased (it identifies the person). */
export type AttendeeInput = {
  name: string
  email: string | null
  stakeholderGroup: StakeholderGroup
  country: string | null
  gender: Gender | null
  organisation: string | null
}

export type AttendanceRow = {
  /** The row's number in the spreadsheet (the header is row 1). */
  row: number
  /** What the file says, trimmed, for the preview. */
  values: Record<AttendanceColumn, string>
  attendee: AttendeeInput | null
  problems: CsvProblem[]
}

export type AttendanceCsv =
  | { ok: false; problem: CsvProblem }
  | { ok: true; rows: AttendanceRow[]; ignoredColumns: string[] }

/** Lower case, no accents or Arabic vowel marks, punctuation as spaces: how names are compared. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const headerKey = (text: string) => normalise(text).replace(/ /g, '')

const HEADER_ALIASES: Record<AttendanceColumn, string[]> = {
  name: ['name', 'full name', 'participant', 'participant name', 'nom', 'nom complet', 'nom et prénom', 'prénom et nom', 'nombre', 'nombre completo', 'nombre y apellidos', 'الاسم', 'الاسم الكامل', 'اسم المشارك'],
  email: ['email', 'e-mail', 'email address', 'mail', 'courriel', 'adresse e-mail', 'adresse électronique', 'correo', 'correo electrónico', 'email del participante', 'البريد الإلكتروني', 'عنوان البريد الإلكتروني', 'البريد'],
  stakeholder_group: ['stakeholder group', 'group', 'stakeholder', 'groupe', 'groupe de parties prenantes', 'grupo', 'grupo de partes interesadas', 'الفئة', 'فئة أصحاب المصلحة', 'المجموعة'],
  country: ['country', 'country code', 'pays', 'país', 'البلد', 'الدولة'],
  gender: ['gender', 'sex', 'genre', 'sexe', 'género', 'sexo', 'الجنس', 'النوع الاجتماعي'],
  organisation: ['organisation', 'organization', 'organisme', 'organización', 'institution', 'institución', 'المؤسسة', 'المنظمة', 'الجهة'],
}

const headerLookup = new Map<string, AttendanceColumn>()
for (const column of ATTENDANCE_COLUMNS) {
  headerLookup.set(headerKey(column), column)
  for (const alias of HEADER_ALIASES[column]) headerLookup.set(headerKey(alias), column)
}

type LocaleStrings = { groups?: Record<string, string>; activities?: { genders?: Record<string, string> } }
const UI_STRINGS = [enStrings, frStrings, esStrings, arStrings] as unknown as LocaleStrings[]

const groupLookup = new Map<string, StakeholderGroup>()
for (const group of STAKEHOLDER_GROUPS) {
  groupLookup.set(normalise(group), group)
  for (const strings of UI_STRINGS) {
    const label = strings.groups?.[group]
    if (label) groupLookup.set(normalise(label), group)
  }
}
// Words spreadsheets commonly use for the groups.
const GROUP_WORDS: Record<StakeholderGroup, string[]> = {
  parent_carer: ['parent', 'parents', 'carer', 'carers', 'caregiver', 'parents and carers', 'parent carer'],
  educator: ['educators', 'teacher', 'teachers', 'enseignant', 'enseignante', 'docente', 'maestro', 'maestra', 'معلم'],
  industry: ['private sector', 'business', 'secteur prive', 'industrie', 'sector privado'],
  government: ['gouvernement', 'gobierno', 'policymaker', 'policy maker', 'public sector'],
  civil_society: ['ngo', 'cso', 'ong', 'societe civile', 'sociedad civil'],
  child_youth: ['child', 'children', 'youth', 'young person', 'young people', 'jeune', 'jeunes', 'enfant', 'joven', 'jovenes'],
  other: [],
}
for (const [group, words] of Object.entries(GROUP_WORDS)) {
  for (const word of words) if (!groupLookup.has(normalise(word))) groupLookup.set(normalise(word), group as StakeholderGroup)
}

const genderLookup = new Map<string, Gender>()
const GENDER_WORDS: Record<Gender, string[]> = {
  female: ['female', 'f', 'woman', 'women', 'girl', 'femme', 'féminin', 'fille', 'mujer', 'femenino', 'femenina', 'niña', 'أنثى', 'امرأة'],
  male: ['male', 'm', 'man', 'men', 'boy', 'homme', 'h', 'masculin', 'garçon', 'hombre', 'masculino', 'niño', 'ذكر', 'رجل'],
  other: ['other', 'non binary', 'nonbinary', 'autre', 'non binaire', 'otro', 'otra', 'no binario', 'آخر', 'غير ذلك'],
  undisclosed: [
    'undisclosed',
    'prefer not to say',
    'not stated',
    'not disclosed',
    'non communiqué',
    'ne souhaite pas répondre',
    'non précisé',
    'no declarado',
    'prefiero no decirlo',
    'prefiere no decirlo',
    'no especificado',
    'غير مصرح',
    'غير مصرح به',
    'يفضل عدم الإفصاح',
  ],
}
for (const gender of GENDERS) {
  genderLookup.set(normalise(gender), gender)
  for (const word of GENDER_WORDS[gender]) genderLookup.set(normalise(word), gender)
  for (const strings of UI_STRINGS) {
    const label = strings.activities?.genders?.[gender]
    if (label) genderLookup.set(normalise(label), gender)
  }
}

for (const data of [enCountries, frCountries, esCountries, arCountries]) countries.registerLocale(data)
let countryLookup: Map<string, string> | undefined
/** Country names in the four languages (official and common forms) → ISO code, built on first use. */
function countryByName(): Map<string, string> {
  if (!countryLookup) {
    countryLookup = new Map()
    for (const locale of ['en', 'fr', 'es', 'ar']) {
      for (const [code, names] of Object.entries(countries.getNames(locale, { select: 'all' }) as Record<string, string[] | string>)) {
        for (const name of Array.isArray(names) ? names : [names]) {
          const key = normalise(name)
          if (key && !countryLookup.has(key)) countryLookup.set(key, code)
        }
      }
    }
  }
  return countryLookup
}

/** An ISO 3166-1 code from a code (alpha-2 or alpha-3) or a country's name. */
export function countryCode(text: string): string | null {
  const trimmed = text.trim()
  if (/^[a-z]{2}$/i.test(trimmed) && countries.isValid(trimmed.toUpperCase())) return trimmed.toUpperCase()
  if (/^[a-z]{3}$/i.test(trimmed)) {
    const code = countries.alpha3ToAlpha2(trimmed.toUpperCase())
    if (code) return code
  }
  return countryByName().get(normalise(trimmed)) ?? null
}

export function stakeholderGroup(text: string): StakeholderGroup | null {
  return groupLookup.get(normalise(text)) ?? null
}

export function gender(text: string): Gender | null {
  return genderLookup.get(normalise(text)) ?? null
}

/** The separator of the header line: Excel writes `;` where the decimal mark is a comma. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ])
  let quoted = false
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1)
  }
  let best = ','
  for (const [delimiter, n] of counts) if (n > counts.get(best)!) best = delimiter
  return best
}

const MAX_NAME = 200
const MAX_ORGANISATION = 200

/**
 * The text of an uploaded file: UTF-8 as most tools write it, UTF-16 as Excel's
 * "Unicode text" does, else Windows-1252 as Excel's plain "CSV" does in Western
 * European languages (so "Hélène" survives).
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** Reads and checks an attendance list. File-level problems stop there; row problems are listed per row. */
export function parseAttendanceCsv(input: string): AttendanceCsv {
  let text = input.replace(/^\uFEFF/, '')
  if (text.trim() === '') return { ok: false, problem: { key: 'activities.csv.empty' } }

  // Excel's "sep=;" first line names the separator and is not a row.
  let delimiter: string
  const sep = /^sep=(.)\r?\n/i.exec(text)
  if (sep) {
    delimiter = sep[1]!
    text = text.slice(sep[0].length)
  } else {
    delimiter = detectDelimiter(text.split(/\r?\n/, 1)[0] ?? '')
  }

  let records: string[][]
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true }) as string[][]
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1
    return { ok: false, problem: { key: 'activities.csv.unreadable', params: { line } } }
  }

  const header = records[0] ?? []
  const columns = new Map<AttendanceColumn, number>()
  const ignoredColumns: string[] = []
  for (const [index, title] of header.entries()) {
    const column = headerLookup.get(headerKey(title))
    if (!column) {
      if (title.trim()) ignoredColumns.push(title.trim())
    } else if (columns.has(column)) {
      return { ok: false, problem: { key: 'activities.csv.duplicateColumn', params: { column: title.trim() } } }
    } else {
      columns.set(column, index)
    }
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column))
  if (missing.length > 0) return { ok: false, problem: { key: 'activities.csv.missingColumns', params: { columns: missing.join(', ') } } }

  // Rows keep their spreadsheet numbers; blank rows are skipped, not renumbered.
  const dataRows = records
    .map((record, index) => ({ record, row: index + 1 }))
    .slice(1)
    .filter(({ record }) => record.some((cell) => cell !== ''))
  if (dataRows.length === 0) return { ok: false, problem: { key: 'activities.csv.noRows' } }
  if (dataRows.length > ATTENDANCE_MAX_ROWS) {
    return { ok: false, problem: { key: 'activities.csv.tooManyRows', params: { max: ATTENDANCE_MAX_ROWS, rows: dataRows.length } } }
  }

  const firstRowOfEmail = new Map<string, number>()
  const rows = dataRows.map(({ record, row }): AttendanceRow => {
    const cell = (column: AttendanceColumn) => {
      const index = columns.get(column)
      return index === undefined ? '' : withoutControlCharacters(record[index] ?? '').trim()
    }
    const values = Object.fromEntries(ATTENDANCE_COLUMNS.map((column) => [column, cell(column)])) as Record<AttendanceColumn, string>
    const problems: CsvProblem[] = []

    const name = values.name.replace(/\s+/g, ' ')
    if (!name) problems.push({ key: 'activities.csv.nameMissing', column: 'name' })
    else if (name.length > MAX_NAME) problems.push({ key: 'activities.csv.nameTooLong', params: { max: MAX_NAME }, column: 'name' })

    let email: string | null = null
    if (values.email) {
      const parsed = emailSchema.safeParse(values.email)
      if (!parsed.success) problems.push({ key: 'activities.csv.emailInvalid', params: { value: values.email }, column: 'email' })
      else {
        email = parsed.data
        const first = firstRowOfEmail.get(email)
        if (first !== undefined) problems.push({ key: 'activities.csv.emailDuplicate', params: { row: first }, column: 'email' })
        else firstRowOfEmail.set(email, row)
      }
    }

    const group = values.stakeholder_group ? stakeholderGroup(values.stakeholder_group) : null
    if (!values.stakeholder_group) problems.push({ key: 'activities.csv.groupMissing', column: 'stakeholder_group' })
    else if (!group) problems.push({ key: 'activities.csv.groupUnknown', params: { value: values.stakeholder_group }, column: 'stakeholder_group' })

    const country = values.country ? countryCode(values.country) : null
    if (values.country && !country) problems.push({ key: 'activities.csv.countryUnknown', params: { value: values.country }, column: 'country' })

    const genderValue = values.gender ? gender(values.gender) : null
    if (values.gender && !genderValue) problems.push({ key: 'activities.csv.genderUnknown', params: { value: values.gender }, column: 'gender' })

    const organisation = values.organisation.replace(/\s+/g, ' ') || null
    if (organisation && organisation.length > MAX_ORGANISATION) problems.push({ key: 'activities.csv.organisationTooLong', params: { max: MAX_ORGANISATION }, column: 'organisation' })

    const attendee =
      problems.length === 0 && group ? { name, email, stakeholderGroup: group, country, gender: genderValue, organisation } : null
    return { row, values, attendee, problems }
  })
  return { ok: true, rows, ignoredColumns }
}

/** The attendees of a list without a single problem; null if any row has one. */
export function validAttendees(csv: AttendanceCsv): AttendeeInput[] | null {
  if (!csv.ok) return null
  const attendees: AttendeeInput[] = []
  for (const row of csv.rows) {
    if (!row.attendee) return null
    attendees.push(row.attendee)
  }
  return attendees
}
