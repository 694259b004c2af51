"""The service directory: where a returnee family finds help, and the programmes behind it.

Human-readable texts are translated with django-modeltranslation (see translation.py). The
shape follows the Open Referral HSDS core: Organization -> Service, with the service's
location (address, coordinates) and contact (phone, e-mail) kept on the service itself.

Wiring that lives elsewhere:
- edit history (django-simple-history) of every model here but UpdateSuggestion is
  registered in translation.py, after modeltranslation has added the language columns;
- review states, versions and Cyrillic corrections come with ContentModel
  (returnee_portal/models.py);
- what search finds of these models is declared in search.py.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from returnee_portal.models import ContentModel


def tel_url(phone: str) -> str:
    """A phone number as a tel: link: digits and a leading + only ("011/123-45" works)."""
    number = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return f"tel:{number}" if number else ""


class District(ContentModel):
    """An administrative district (okrug), e.g. Raška or Pirot."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name


class Municipality(ContentModel):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("district"),
    )
    intro = models.TextField(_("short introduction"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    associates = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="served_municipalities",
        verbose_name=_("local associates"),
        help_text=_("People who keep this municipality's entries up to date."),
    )
    # The local associates' public contact: only what they agreed to publish, kept by them.
    associate_name = models.CharField(
        _("associate contact: office or person"),
        max_length=200,
        blank=True,
        help_text=_("As it may be published, e.g. the office's name. Leave empty otherwise."),
    )
    associate_phone = models.CharField(_("associate contact: phone"), max_length=50, blank=True)
    associate_email = models.EmailField(_("associate contact: e-mail"), blank=True)
    associate_hours = models.CharField(
        _("associate contact: when to reach them"), max_length=200, blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:municipality_detail", kwargs={"slug": self.slug})

    @property
    def has_associate_contact(self) -> bool:
        """Whether the page can name someone to ask (a name, a phone number or an address)."""
        return bool(self.associate_name or self.associate_phone or self.associate_email)

    @property
    def associate_tel_url(self) -> str:
        return tel_url(self.associate_phone)


class Category(ContentModel):
    """A need as families think of it: documents, health care, school, work..."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    icon = models.CharField(
        _("icon"), max_length=8, blank=True, help_text=_("A single symbol shown beside the name.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


class SpokenLanguage(ContentModel):
    """A language staff can speak with a family (maps to HSDS `languages`)."""

    code = models.SlugField(_("code"), max_length=12, unique=True)
    name = models.CharField(_("name"), max_length=50)

    class Meta:
        ordering = ["name"]
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")

    def __str__(self):
        return self.name


class Organization(ContentModel):
    class Kind(models.TextChoices):
        PUBLIC_INSTITUTION = "public", _("public institution")
        LOCAL_GOVERNMENT = "local", _("local government")
        NGO = "ngo", _("non-governmental organisation")
        INTERNATIONAL = "international", _("international organisation")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("municipality"),
        help_text=_("Leave empty for a national organisation."),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:organization_detail", kwargs={"slug": self.slug})

    @property
    def tel_url(self):
        return tel_url(self.phone)


class ServiceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Service(ContentModel):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("organization"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("municipality"),
    )
    categories = models.ManyToManyField(
        Category, related_name="services", verbose_name=_("categories")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    eligibility = models.TextField(_("who can get it"), blank=True)
    documents = models.TextField(
        _("documents to bring"),
        blank=True,
        help_text=_("One document per line: the checklist to print gives each its own box."),
    )
    how_to_apply = models.TextField(_("how to apply"), blank=True)
    cost = models.CharField(_("cost"), max_length=200, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    staff_languages = models.ManyToManyField(
        SpokenLanguage,
        blank=True,
        related_name="services",
        verbose_name=_("languages spoken by staff"),
    )
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        # The public lists filter by place or organization and published (a place's few hundred
        # are sorted by name in memory: an index with a translated field is made once per
        # language by modeltranslation); the reports and the dashboard by the last check.
        indexes = [
            models.Index(fields=["municipality", "is_published"]),
            models.Index(fields=["organization", "is_published"], name="service_organization"),
            models.Index(fields=["is_published", "last_verified"], name="service_verified"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:service_detail", kwargs={"slug": self.slug})

    @property
    def tel_url(self):
        return tel_url(self.phone)

    @property
    def map_url(self):
        """A link to the service's place on OpenStreetMap, or "" without coordinates."""
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = f"{self.latitude:f}", f"{self.longitude:f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


class Project(ContentModel):
    """A reintegration programme, e.g. RE!NTEGRATE, with its results as indicators."""

    class Precision(models.TextChoices):
        # Sources often give only a year or a month; we show no more than we know.
        YEAR = "year", _("year")
        MONTH = "month", _("month")
        DAY = "day", _("day")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    implementers = models.TextField(_("implementers"), blank=True)
    funders = models.TextField(_("funders"), blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    period_precision = models.CharField(
        _("precision of the dates"), max_length=5, choices=Precision.choices, default="day"
    )
    budget = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR", blank=True)
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="projects", verbose_name=_("municipalities")
    )
    website = models.URLField(_("website"), blank=True)
    contact = models.TextField(_("contact"), blank=True)
    source = models.TextField(
        _("source"), blank=True, help_text=_("Where these facts come from, for the reader.")
    )

    class Meta:
        # Newest first; a project without a start date last on every database.
        ordering = [models.F("starts_on").desc(nulls_last=True), "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("services:project_detail", kwargs={"slug": self.slug})

    @property
    def period_label(self):
        """The period in the reader's language, no more precise than the source."""
        date_format = {"year": "Y", "month": "YEAR_MONTH_FORMAT"}.get(
            self.period_precision, "DATE_FORMAT"
        )
        start = formats.date_format(self.starts_on, date_format) if self.starts_on else ""
        end = formats.date_format(self.ends_on, date_format) if self.ends_on else ""
        if start and end:
            return f"{start} – {end}"
        if end:
            return gettext("until %(date)s") % {"date": end}
        if start:
            return gettext("since %(date)s") % {"date": start}
        return ""


class ProjectIndicator(ContentModel):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("project")
    )
    label = models.CharField(_("label"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("result indicator")
        verbose_name_plural = _("result indicators")

    def __str__(self):
        return f"{self.label}: {self.value}"


class OpenCallQuerySet(models.QuerySet):
    def opened_by(self, day):
        """Calls that have opened by `day` (no opening date means open from the start)."""
        return self.filter(models.Q(opens_on__isnull=True) | models.Q(opens_on__lte=day))

    def open_on(self, day):
        """Calls a family can still apply to on `day` (no closing date means open)."""
        return self.opened_by(day).filter(
            models.Q(closes_on__isnull=True) | models.Q(closes_on__gte=day)
        )

    def currently_open(self):
        return self.open_on(timezone.localdate())


class OpenCall(ContentModel):
    """A call for applications: self-employment grants, training, job subsidies."""

    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="open_calls",
        null=True,
        blank=True,
        verbose_name=_("project"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    eligibility = models.TextField(_("who can apply"), blank=True)
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="open_calls", verbose_name=_("municipalities")
    )
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    url = models.URLField(_("link to the call"), blank=True)

    objects = OpenCallQuerySet.as_manager()

    class Meta:
        ordering = ["closes_on", "title"]
        indexes = [models.Index(fields=["closes_on", "opens_on"], name="opencall_open")]
        verbose_name = _("open call")
        verbose_name_plural = _("open calls")

    def __str__(self):
        return self.title

    @property
    def is_closed(self):
        return self.closes_on is not None and self.closes_on < timezone.localdate()

    def get_absolute_url(self):
        return reverse("services:opencall_detail", kwargs={"slug": self.slug})


class UpdateSuggestion(models.Model):
    """A visitor's note that something on a service page is wrong ("Is something wrong here?").

    Filed without an account and without personal data unless the visitor leaves a contact;
    the associates of the service's municipality see and close it in the admin.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="update_suggestions",
        verbose_name=_("service"),
    )
    message = models.TextField(_("what is wrong"), max_length=2000)
    contact = models.CharField(_("contact (optional)"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("update suggestion")
        verbose_name_plural = _("update suggestions")

    def __str__(self):
        return f"{self.service}: {self.message[:60]}"


class VerificationReminder(models.Model):
    """A reminder e-mail sent to a local associate (manage.py send_verification_reminders):
    kept so that nobody gets two in one week, and to see who was reminded when."""

    associate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="verification_reminders",
        verbose_name=_("local associate"),
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    stale_count = models.PositiveIntegerField(_("services to check"))
    suggestion_count = models.PositiveIntegerField(_("open update suggestions"))

    class Meta:
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["associate", "sent_at"], name="reminder_associate")]
        verbose_name = _("verification reminder")
        verbose_name_plural = _("verification reminders")

    def __str__(self):
        return f"{self.associate}: {self.sent_at:%Y-%m-%d}"
