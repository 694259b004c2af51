"""The projects report: each programme with its funders, period, budget and results."""

from django.utils.translation import gettext_lazy as _

from .base import DATE, DECIMAL, Column, Report
from .selectors import projects_for_report


class ProjectsReport(Report):
    """One row per result indicator of each project (a project without any: one row)."""

    slug = "projects"
    title = _("Projects and indicators")
    description = _("Projects with their funders, period, budget, municipalities and results.")

    def columns(self):
        return [
            Column("project", _("Project")),
            Column("funders", _("Funders")),
            Column("period", _("Period")),
            Column("starts_on", _("Starts on"), DATE),
            Column("ends_on", _("Ends on"), DATE),
            Column("budget", _("Budget"), DECIMAL),
            Column("currency", _("Currency")),
            Column("municipalities", _("Municipalities")),
            Column("indicator", _("Indicator")),
            Column("value", _("Value"), DECIMAL),
            Column("unit", _("Unit")),
            Column("as_of", _("As of"), DATE),
        ]

    def rows(self):
        rows = []
        for project in projects_for_report(municipalities=self.municipalities):
            project_cells = [
                project.title,
                project.funders,
                project.period_label,
                project.starts_on,
                project.ends_on,
                project.budget,
                project.currency if project.budget is not None else "",
                ", ".join(sorted(m.name for m in project.municipalities.all())),
            ]
            indicators = list(project.indicators.all())
            if not indicators:
                rows.append([*project_cells, "", None, "", None])
            for indicator in indicators:
                rows.append(
                    [
                        *project_cells,
                        indicator.label,
                        indicator.value,
                        indicator.unit,
                        indicator.as_of,
                    ]
                )
        return rows
