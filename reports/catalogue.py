"""Every coordinator report, by the slug its URL and `export_report` name it with."""

from .directory import CoverageReport, DirectoryReport, FreshnessPeopleReport, FreshnessReport
from .projects import ProjectsReport
from .translations import TranslationReport

REPORTS = {
    report.slug: report
    for report in [
        DirectoryReport,
        CoverageReport,
        FreshnessReport,
        FreshnessPeopleReport,
        ProjectsReport,
        TranslationReport,
    ]
}
