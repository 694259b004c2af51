"""The services spreadsheet (XLSX, CSV): one layout for the export and for the import.

Because the export and the import read the same `ServiceResource`, a file exported and imported
again changes nothing, and a file edited in one cell changes exactly that field.

Layout, one row per service, keyed by `slug`: `municipality` and `organization` by their
Serbian name (a slug works too), `categories` as Serbian names separated by "; ", every
translated text as one column per content language (`name_sr_latn`, `name_rom`, `name_sq`,
`name_de`, `name_en`, ...), the contact and place columns, `last_verified` as YYYY-MM-DD (or a
date cell) and `is_published` as yes/no. The version, the history and the review states are
not in the file: the import keeps them right itself (see `ServiceResource.save_instance`).

Formulas: a text cell that starts with =, +, - or @ is refused (returnee_portal.spreadsheet),
because a spreadsheet program would run it as a formula when the directory is exported and
opened again; the service form refuses the same text (`formula_sign`). Allowed are a phone
number written as "+" and digits (e.g. "+381 20 123 456") and a number in latitude or longitude
(e.g. "-0.5"). XLSX formula cells are read as their formula, never as a cached result, so they
are refused the same way.
"""

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.formats import base_formats
from modeltranslation.utils import build_localized_fieldname

from returnee_portal import spreadsheet
from returnee_portal.languages import language_name, localized_fields
from returnee_portal.locking import VersionConflict, content_save_with_version
from returnee_portal.roles import user_is_coordinator
from returnee_portal.translation_review import translated_field_names

from .models import Category, Municipality, Organization, Service
from .selectors import municipalities_for_user

PHONE_NUMBER = re.compile(r"\+[\d\s()/.-]+")
COORDINATE_COLUMNS = ("latitude", "longitude")
CATEGORY_SEPARATOR = "; "
YES = ("yes", "da", "true", "1")
NO = ("no", "ne", "false", "0")
NAMES_SHOWN = 10


def translated_columns() -> list[str]:
    """`name_sr_latn`, `name_rom`, ..., `opening_hours_en`: every language of every text."""
    return localized_fields(*translated_field_names(model=Service))


PLAIN_TEXT_COLUMNS = ["address", "phone", "email", "website"]


def column_label(column: str) -> str:
    """The column in words, e.g. "name in German" for `name_de`."""
    for field in translated_field_names(model=Service):
        for code in settings.MODELTRANSLATION_LANGUAGES:
            if column == build_localized_fieldname(field, code):
                verbose_name = Service._meta.get_field(field).verbose_name
                return _("%(field)s in %(language)s") % {
                    "field": verbose_name,
                    "language": language_name(code),
                }
    try:
        return str(Service._meta.get_field(column).verbose_name)
    except FieldDoesNotExist:  # e.g. the virtual `name` of the active language
        return column


def _names(objects) -> str:
    names = [str(obj.name_sr_latn) for obj in objects[: NAMES_SHOWN + 1]]
    if len(names) > NAMES_SHOWN:
        names[NAMES_SHOWN:] = ["…"]
    return ", ".join(names)


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- Reading the files ---------------------------------------------------------------------


class SpreadsheetXLSX(base_formats.XLSX):
    """XLSX read as typed: a formula cell gives its formula (refused later), not a value.

    import-export reads with `data_only=True`, which turns the formulas of a file written by
    anything but a spreadsheet program (no cached results) into silently empty cells.
    """

    def create_dataset(self, in_stream):
        from io import BytesIO

        import openpyxl
        import tablib

        book = openpyxl.load_workbook(BytesIO(in_stream), read_only=True, data_only=False)
        rows = [
            [
                cell.value if cell.data_type != "f" or isinstance(cell.value, str) else "="
                for cell in row
            ]
            for row in book.active.iter_rows()
        ]
        book.close()
        dataset = tablib.Dataset()
        if not rows:
            return dataset
        # Columns without a header and without content are formatting, not data.
        width = len(rows[0])
        keep = [
            index
            for index in range(width)
            if not _is_blank(rows[0][index])
            or any(index < len(row) and not _is_blank(row[index]) for row in rows[1:])
        ]
        dataset.headers = [rows[0][index] for index in keep]
        for row in rows[1:]:
            dataset.append([row[index] if index < len(row) else None for index in keep])
        return dataset


IMPORT_FORMATS = [base_formats.CSV, SpreadsheetXLSX]
EXPORT_FORMATS = [base_formats.CSV, base_formats.XLSX]


# --- Cells to values -----------------------------------------------------------------------


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a phone number typed as a number in a spreadsheet
        return str(value).strip()

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class DecimalWidget(widgets.Widget):
    def __init__(self, *, column):
        super().__init__()
        self.column = column

    def clean(self, value, row=None, **kwargs):
        if _is_blank(value):
            return None
        try:
            return Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            raise ValueError(
                _("“%(column)s” must be a number like 43.1367")
                % {"column": column_label(self.column)}
            ) from None

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else f"{value:f}"


class DateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if _is_blank(value):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(
                _("“%(column)s” must be a date like 2026-03-14")
                % {"column": column_label("last_verified")}
            ) from None

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else value.isoformat()


class YesNoWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = "" if value is None else str(value).strip().lower()
        if text in YES:
            return True
        if text in NO:
            return False
        raise ValueError(
            _("“%(column)s” must be yes or no") % {"column": column_label("is_published")}
        )

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


def municipality_find(value) -> Municipality | None:
    """The municipality named `value` (Serbian name or slug, any letter case), or None."""
    text = str(value).strip()
    return Municipality.objects.filter(Q(name_sr_latn__iexact=text) | Q(slug=text)).first()


class MunicipalityWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if _is_blank(value):
            raise ValueError(_("“municipality” is empty"))
        municipality = municipality_find(value)
        if municipality is None:
            raise ValueError(
                _(
                    "municipality “%(name)s” is not in the directory. "
                    "Known municipalities: %(known)s"
                )
                % {"name": value, "known": _names(Municipality.objects.order_by("name_sr_latn"))}
            )
        return municipality

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value.name_sr_latn


class OrganizationWidget(widgets.Widget):
    """An organization of the row's municipality or a national one, by Serbian name or slug."""

    def clean(self, value, row=None, **kwargs):
        if _is_blank(value):
            raise ValueError(_("“organization” is empty"))
        text = str(value).strip()
        matches = Organization.objects.filter(Q(name_sr_latn__iexact=text) | Q(slug=text))
        if not matches.exists():
            raise ValueError(
                _(
                    "organization “%(name)s” is not in the directory; add it in the admin "
                    "first, or write the name exactly as it is there"
                )
                % {"name": text}
            )
        municipality = municipality_find(row.get("municipality")) if row else None
        if municipality is None:
            # The municipality's own error says what is wrong; this cell may be fine.
            return matches.first()
        fitting = list(matches.filter(Q(municipality=municipality) | Q(municipality=None)))
        if not fitting:
            raise ValueError(
                _(
                    "organization “%(name)s” works in %(other)s, not in %(municipality)s; "
                    "choose an organization of %(municipality)s or a national one"
                )
                % {
                    "name": text,
                    "other": matches.first().municipality,
                    "municipality": municipality,
                }
            )
        if len(fitting) > 1:
            raise ValueError(
                _("several organizations are named “%(name)s”; write the slug of one instead")
                % {"name": text}
            )
        return fitting[0]

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value.name_sr_latn


class CategoriesWidget(widgets.ManyToManyWidget):
    def __init__(self):
        super().__init__(model=Category, separator=CATEGORY_SEPARATOR)

    def clean(self, value, row=None, **kwargs):
        names = [] if value is None else [n.strip() for n in str(value).split(";") if n.strip()]
        known = Category.objects.order_by("order", "name_sr_latn")
        categories = []
        for name in names:
            category = known.filter(Q(name_sr_latn__iexact=name) | Q(slug=name)).first()
            if category is None:
                raise ValueError(
                    _("category “%(name)s” is not in the directory. Known categories: %(known)s")
                    % {"name": name, "known": _names(known)}
                )
            categories.append(category)
        return categories

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        categories = sorted(value.all(), key=lambda category: (category.order, category.pk))
        return CATEGORY_SEPARATOR.join(category.name_sr_latn for category in categories)


def _field(column, widget):
    return fields.Field(attribute=column, column_name=column, widget=widget)


# --- The resource --------------------------------------------------------------------------


class ServiceResource(resources.ModelResource):
    """Export and import of services, all or nothing.

    Every row is checked in the preview (a dry run in a transaction that is rolled back), and
    again when the import is confirmed: one row in error and nothing is written (the admin
    passes `rollback_on_validation_errors`). Rows are written through the model's `save()`, so
    history records the importer and the translation review rule runs; an updated row is saved
    as a new version, and only if nobody saved it since the preview (`expected_versions`).

    `import_data` keywords: `user` (whose municipalities limit the rows), `versions_seen` (a
    dict the preview fills with {pk: version}) and `expected_versions` (that dict, at confirm).
    """

    slug = _field("slug", TextWidget())
    municipality = _field("municipality", MunicipalityWidget())
    organization = _field("organization", OrganizationWidget())
    categories = _field("categories", CategoriesWidget())
    latitude = _field("latitude", DecimalWidget(column="latitude"))
    longitude = _field("longitude", DecimalWidget(column="longitude"))
    last_verified = _field("last_verified", DateWidget())
    is_published = _field("is_published", YesNoWidget())

    class Meta:
        model = Service
        import_id_fields = ["slug"]
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        columns = [
            "slug",
            "municipality",
            "organization",
            "categories",
            *translated_columns(),
            *PLAIN_TEXT_COLUMNS,
            "latitude",
            "longitude",
            "last_verified",
            "is_published",
        ]
        for column in [*translated_columns(), *PLAIN_TEXT_COLUMNS]:
            self.fields[column] = _field(column, TextWidget())
        self.fields = {column: self.fields[column] for column in columns}
        self.user = None

    def get_import_order(self):
        return tuple(self.fields)

    def get_export_order(self):
        return tuple(self.fields)

    def export_field(self, field, instance, **kwargs):
        # The export is opened in spreadsheet programs: a stored text that would run as a
        # formula is written as text (returnee_portal.spreadsheet).
        return spreadsheet.neutralised(super().export_field(field, instance, **kwargs))

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("municipality", "organization").prefetch_related(
            "categories"
        )

    # --- Whole file ---

    def before_import(self, dataset, **kwargs):
        self.user = kwargs.get("user")
        while len(dataset) and all(_is_blank(value) for value in dataset[-1]):
            del dataset[-1]
        headers = [str(header).strip() if header is not None else "" for header in dataset.headers]
        dataset.headers = headers
        unknown = [header or _("(no name)") for header in headers if header not in self.fields]
        if "slug" not in headers or unknown:
            del dataset[0 : len(dataset)]  # one clear message instead of one per row
        if "slug" not in headers:
            raise ValueError(
                _(
                    "The file has no column “slug”. The first row must hold the column names, "
                    "as in a file exported from this list."
                )
            )
        if unknown:
            raise ValueError(
                _(
                    "The file has columns this directory does not know: %(columns)s. Use the "
                    "column names of a file exported from this list."
                )
                % {"columns": ", ".join(f"“{column}”" for column in unknown)}
            )

    # --- One row ---

    def after_init_instance(self, instance, new, row, **kwargs):
        seen = kwargs.get("versions_seen")
        if not new and seen is not None:
            seen[str(instance.pk)] = instance.version

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        stored_municipality = None if instance.pk is None else instance.municipality
        for field in self.get_import_fields():
            column = field.column_name
            if column not in row:
                continue
            value = row[column]
            problem = formula_problem(column=column, value=value)
            if problem is None and isinstance(value, str):
                problem = length_problem(column=column, text=value.strip())
            if problem is not None:
                errors[column] = problem
                continue
            try:
                cleaned = field.clean(row)
            except ValueError as e:
                errors[column] = str(e)
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                # Set by save_m2m once the service is saved. Empty only if it was so already
                # (a service without categories can be found by nobody browsing them).
                if not cleaned and (instance.pk is None or instance.categories.exists()):
                    errors[column] = _("“categories” is empty; name at least one of: %(known)s") % {
                        "known": _names(Category.objects.order_by("order", "name_sr_latn"))
                    }
                continue
            if cleaned == "" and getattr(instance, column) is None:
                continue  # an untranslated text stays as it was, not "" instead of empty
            setattr(instance, column, cleaned)
        errors.update(self._scope_problems(instance, stored_municipality, errors))
        if errors:
            raise ValidationError(errors)

    def _scope_problems(self, instance, stored_municipality, errors) -> dict:
        if self.user is None or user_is_coordinator(self.user):
            return {}
        own = list(municipalities_for_user(self.user))
        own_names = ", ".join(m.name_sr_latn for m in own)
        problems = {}
        if stored_municipality is not None and stored_municipality not in own:
            # Where it is, or whether it is published, is not this user's to learn; that a
            # slug is taken is (slugs are unique, and a new row could not use it either).
            problems[NON_FIELD_ERRORS] = _(
                "the slug “%(slug)s” is already used by an entry you cannot edit; "
                "choose another slug for a new service"
            ) % {"slug": instance.slug}
        elif (
            "municipality" not in errors
            and instance.municipality_id is not None
            and instance.municipality not in own
        ):
            problems["municipality"] = _(
                "%(municipality)s is not one of your municipalities "
                "(you can import rows for %(own)s)"
            ) % {"municipality": instance.municipality, "own": own_names}
        return problems

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(exclude=errors.keys(), validate_unique=validate_unique)
        except ValidationError as e:
            for key, messages in e.message_dict.items():
                if key == NON_FIELD_ERRORS:
                    errors[key] = messages
                else:
                    errors[key] = [f"“{column_label(key)}”: {message}" for message in messages]
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors or original.pk is None:
            return False
        for field in self.get_import_fields():
            if field.column_name not in row:
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                new = {category.pk for category in field.clean(row)}
                if new != set(original.categories.values_list("pk", flat=True)):
                    return False
            elif _comparable(field.get_value(instance)) != _comparable(field.get_value(original)):
                return False
        return True

    def save_instance(self, instance, is_create, row, **kwargs):
        if self.user is not None:
            instance._history_user = self.user  # the middleware's user, also outside requests
        if is_create:
            super().save_instance(instance, is_create, row, **kwargs)
            return
        expected_versions = kwargs.get("expected_versions")
        expected = (
            instance.version
            if expected_versions is None
            else expected_versions.get(str(instance.pk))
        )
        try:
            if expected is None:
                raise VersionConflict(instance)
            content_save_with_version(obj=instance, expected_version=expected)
        except VersionConflict:
            raise ValidationError(
                _(
                    "someone saved the service “%(slug)s” after your preview; upload the file "
                    "again to see what changed"
                )
                % {"slug": instance.slug}
            ) from None


def _comparable(value):
    return "" if value is None else value


def formula_sign(*, column: str, value) -> str | None:
    """The sign that would make a spreadsheet program run the cell (see
    returnee_portal.spreadsheet), or None: plain text, a phone number in `phone`, a number in
    latitude or longitude."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    sign = spreadsheet.formula_sign(text)
    if sign is None:
        return None
    if column == "phone" and PHONE_NUMBER.fullmatch(text):
        return None
    if column in COORDINATE_COLUMNS:
        try:
            Decimal(text.replace(",", "."))
            return None
        except InvalidOperation:
            pass
    return sign


def formula_problem(*, column: str, value) -> str | None:
    """Why the cell would be a formula in a spreadsheet program, or None if it is plain."""
    sign = formula_sign(column=column, value=value)
    if sign is None:
        return None
    return _(
        "cell “%(column)s” starts with “%(sign)s”: formulas are not accepted; type the value itself"
    ) % {"column": column, "sign": sign}


def length_problem(*, column: str, text: str) -> str | None:
    max_length = getattr(Service._meta.get_field(column), "max_length", None)
    if max_length is None or len(text) <= max_length:
        return None
    return _("the %(label)s is %(length)d characters long; at most %(max)d are allowed") % {
        "label": column_label(column),
        "length": len(text),
        "max": max_length,
    }


def import_error_lines(result) -> list[str]:
    """Every problem of an import, one sentence each, with its spreadsheet row number.

    Row 1 of the spreadsheet holds the column names, so the first service is on row 2.
    """
    lines = [(0, str(error.error)) for error in result.base_errors]
    for invalid in result.invalid_rows:
        for messages in invalid.error_dict.values():
            lines.extend((invalid.number + 1, message) for message in messages)
    for _number, errors in result.row_errors():
        lines.extend((error.number + 1, str(error.error)) for error in errors)
    return [
        message
        if number == 0
        else _("Row %(row)d: %(message)s") % {"row": number, "message": message}
        for number, message in sorted(lines, key=lambda line: line[0])
    ]
