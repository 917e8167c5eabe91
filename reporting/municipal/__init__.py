"""The municipalities' reporting: the kommunenkät (questionnaires as data), the economic
report, RSS's follow-up, quotes, imports and exports, and their pages.

Depends on the kernel (`gnv_portal`) and `reporting.models` only; `annual_report` and
`dashboards` use this package, never the other way round.
"""
