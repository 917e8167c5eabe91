"""The regional annual report: the text RSS writes, generated blocks and prose, charts as
SVG, the PDF, background builds, versions and publishing, and their pages.

Uses `reporting.municipal`, `selfassessment`, `infographic` and the kernel; nothing in
`municipal` or `dashboards` imports it.
"""
