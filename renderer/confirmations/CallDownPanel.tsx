import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { keyForAnswer } from '../shortcuts/desk-shortcut';
import type { ConfirmationChanges, DeskAnswer } from './useConfirmation';
import type { CallDownSheet } from './useCallDownList';
import type { LiveResult } from '../data/useLiveQuery';
import '../consent/consent.css';

const answers: DeskAnswer[] = ['confirmed', 'declined', 'no_answer'];

/** Props of {@link CallDownPanel}. */
export interface CallDownPanelProps {
  list: LiveResult<CallDownSheet>;
  format: ClinicFormat;
  selectedId: string | null;
  onSelect(id: string): void;
  confirmation: ConfirmationChanges;
  onClose(): void;
}

/**
 * The *To confirm* list for the afternoon call-down: tomorrow's and the day
 * after's booked visits still waiting for an answer, with phone numbers, in
 * call order (core/confirmations `callDownList`). Clicking a line selects the
 * visit, so the desk's keys (F confirmed, D declined, O no answer, and every
 * other key on the selection) act on it; each line has the three answers as
 * buttons too. A patient who opted out of messages is marked (a call is
 * still the desk's to make). An answered visit leaves the list at once (live query).
 *
 * @example <CallDownPanel list={list} format={format} selectedId={id} onSelect={select} confirmation={confirmation} onClose={close} />
 */
export function CallDownPanel({ list, format, selectedId, onSelect, confirmation, onClose }: CallDownPanelProps) {
  const resourceNames = new Map((list.status === 'ready' ? list.value.resources : []).map((resource) => [resource.id, resource.name]));
  return (
    <aside className="call-down" aria-label={text.confirmation.listTitle} data-testid="call-down">
      <h2>{text.confirmation.listTitle}</h2>
      <p className="field-hint">{text.confirmation.listIntro}</p>
      {list.status === 'loading' ? <p role="status">{text.confirmation.listLoading}</p> : null}
      {list.status === 'failed' ? <p role="alert">{text.confirmation.listFailed}</p> : null}
      {list.status === 'ready' && list.value.lines.length === 0 ? <p>{text.confirmation.listEmpty}</p> : null}
      {list.status === 'ready'
        ? list.value.days.map((day) => {
            const lines = list.value.lines.filter((line) => line.visit.day === day);
            if (lines.length === 0) return null;
            return (
              <section key={day} aria-label={format.longDate(day)}>
                <h3>{text.confirmation.dayHeading(format.longDate(day), lines.length)}</h3>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{text.confirmation.columns.time}</th>
                      <th scope="col">{text.confirmation.columns.patient}</th>
                      <th scope="col">{text.confirmation.columns.phone}</th>
                      <th scope="col">{text.confirmation.columns.with}</th>
                      <th scope="col">{text.confirmation.columns.answer}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map((line) => {
                      const { item } = line;
                      const name = item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;
                      return (
                        <tr key={line.key} aria-selected={selectedId === item.id} data-testid="call-down-line" data-visit-id={item.id} onClick={() => onSelect(item.id)}>
                          <td>{format.time(item.start)}</td>
                          <td>
                            <button type="button" className="link" onClick={() => onSelect(item.id)} onFocus={() => onSelect(item.id)}>
                              {name}
                            </button>
                            {list.value.optedOut.has(item.patientId) ? (
                              <span className="consent-mark" data-testid="call-down-opted-out" title={text.consent.optedOutLine}>
                                {text.consent.optedOutMark}
                              </span>
                            ) : null}
                            <span className="call-down-tries">
                              {text.confirmation.statuses[line.confirmation]}
                              {line.unanswered > 0 ? ` · ${text.confirmation.tries(line.unanswered)}` : ''}
                            </span>
                          </td>
                          <td>{item.patient?.phone ?? text.confirmation.noPhone}</td>
                          <td>{item.resourceIds.map((id) => resourceNames.get(id) ?? id).join(', ')}</td>
                          <td>
                            <div className="call-down-answers">
                              {answers.map((to) => (
                                <button
                                  key={to}
                                  type="button"
                                  title={`${text.confirmation.actions[to]} (${keyForAnswer(to) ?? ''})`}
                                  onClick={(event) => {
                                    event.stopPropagation();
                                    void confirmation.answer(item, to);
                                  }}
                                >
                                  {text.confirmation.statuses[to]}
                                </button>
                              ))}
                            </div>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </section>
            );
          })
        : null}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {text.confirmation.close}
        </button>
      </div>
    </aside>
  );
}
