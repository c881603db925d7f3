/**
 * A need-index component read from the organisation's own need signals instead of an indicator:
 * `need_signals` counts the signals of every category per 1,000 residents, `need_signals:<category>`
 * one category's (e.g. `need_signals:food`). Sent as a component's `indicatorKey`.
 */
export const NEED_SIGNAL_COMPONENT = 'need_signals';
