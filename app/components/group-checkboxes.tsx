import { useTranslation } from 'react-i18next'

/** Stakeholder groups to count, any number of them (none ticked: every group), for `.report-filters` forms. */
export function GroupCheckboxes({ legend, hint, groupNames, chosen }: { legend: string; hint?: string; groupNames: Record<string, string>; chosen: readonly string[] }) {
  const { t } = useTranslation()
  const picked = new Set(chosen)
  return (
    <fieldset className="report-groups" aria-describedby="report-groups-hint">
      <legend>{legend}</legend>
      <p className="field__help report-groups__hint" id="report-groups-hint">
        {hint ?? t('reports.groupsHint')}
      </p>
      {Object.entries(groupNames).map(([group, name]) => (
        <label key={group} className="checkbox">
          <input type="checkbox" name="group" value={group} defaultChecked={picked.has(group)} /> {name}
        </label>
      ))}
    </fieldset>
  )
}
