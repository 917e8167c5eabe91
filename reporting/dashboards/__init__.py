"""The dashboards for Välfärdsrådet: the panels (the same figure functions the report uses)
and their pages with filters and CSV.

Uses `reporting.municipal`, `selfassessment`, `infographic` and the kernel; nothing in
`municipal` or `annual_report` imports it.
"""
