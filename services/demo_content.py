"""Demo content for the directory, from the public facts in the source documents.

Sources: the network project page of the Ecumenical Humanitarian Organization (EHO), the ASB
RE!NTEGRATE page and the Reintegration II seminar report in Pirot (see shared/seeds). Rules:
- No phone numbers, addresses, opening hours or people are invented: those fields stay empty
  and every service is "not yet checked" (no `last_verified`) until an associate checks it.
- The offices listed are the kinds of public institution every municipality has by law (centre
  for social work, health centre, registry office, commissioner for refugees and migration,
  free legal aid service) or national bodies with a local office (employment service, police).
- Serbian and English texts are the sources; German is complete; Romani and Albanian are
  written by non-native speakers and marked "needs review" (translation_review).

Loading is idempotent: every row is found by its slug and updated in place.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from returnee_portal.demo import demo_review_state, upsert_changed

from .models import (
    Category,
    District,
    Municipality,
    OpenCall,
    Organization,
    Project,
    ProjectIndicator,
    Service,
    SpokenLanguage,
)


def _t(field: str, texts: dict[str, str]) -> dict[str, str]:
    """Keyword arguments for a translated field: {"name_sr_latn": ..., "name_en": ...}."""
    return {build_localized_fieldname(field, code): text for code, text in texts.items()}


def _same(text: str) -> dict[str, str]:
    """A proper name written the same in every language."""
    return dict.fromkeys(settings.MODELTRANSLATION_LANGUAGES, text)


def _review_state(*translated: dict[str, str]) -> dict[str, str]:
    written = {code for texts in translated for code in texts}
    return demo_review_state(languages=sorted(written))


DISTRICTS = {
    "raski-okrug": {
        "sr-latn": "Raški okrug",
        "rom": "Raškako okrugo",
        "sq": "Qarku i Rashkës",
        "de": "Bezirk Raška",
        "en": "Raška District",
    },
    "zlatiborski-okrug": {
        "sr-latn": "Zlatiborski okrug",
        "rom": "Zlatiborosko okrugo",
        "sq": "Qarku i Zlatiborit",
        "de": "Bezirk Zlatibor",
        "en": "Zlatibor District",
    },
    "rasinski-okrug": {
        "sr-latn": "Rasinski okrug",
        "rom": "Rasinako okrugo",
        "sq": "Qarku i Rasinës",
        "de": "Bezirk Rasina",
        "en": "Rasina District",
    },
    "pirotski-okrug": {
        "sr-latn": "Pirotski okrug",
        "rom": "Pirotosko okrugo",
        "sq": "Qarku i Pirotit",
        "de": "Bezirk Pirot",
        "en": "Pirot District",
    },
    "juznobacki-okrug": {
        "sr-latn": "Južnobački okrug",
        "rom": "Južnobačkako okrugo",
        "sq": "Qarku i Baçkës Jugore",
        "de": "Bezirk Südbatschka",
        "en": "South Bačka District",
    },
    "macvanski-okrug": {
        "sr-latn": "Mačvanski okrug",
        "rom": "Mačvako okrugo",
        "sq": "Qarku i Mačvës",
        "de": "Bezirk Mačva",
        "en": "Mačva District",
    },
}

# slug: (name, district, is a city with a city administration)
MUNICIPALITIES = {
    "novi-pazar": ("Novi Pazar", "raski-okrug", True),
    "tutin": ("Tutin", "raski-okrug", False),
    "sjenica": ("Sjenica", "zlatiborski-okrug", False),
    "krusevac": ("Kruševac", "rasinski-okrug", True),
    "pirot": ("Pirot", "pirotski-okrug", True),
    "dimitrovgrad": ("Dimitrovgrad", "pirotski-okrug", False),
    "bela-palanka": ("Bela Palanka", "pirotski-okrug", False),
    "babusnica": ("Babušnica", "pirotski-okrug", False),
    "novi-sad": ("Novi Sad", "juznobacki-okrug", True),
    "bogatic": ("Bogatić", "macvanski-okrug", False),
}

# The taxonomy of design section 3: slug, icon, names.
CATEGORIES = [
    (
        "licna-dokumenta",
        "📄",
        {
            "sr-latn": "Lična dokumenta i matične knjige",
            "rom": "Personalne dokumentura thaj matično lil",
            "sq": "Dokumentet personale dhe gjendja civile",
            "de": "Ausweise und Personenstand",
            "en": "Personal documents and civil registration",
        },
    ),
    (
        "socijalna-zastita",
        "🤝",
        {
            "sr-latn": "Socijalna zaštita i novčana pomoć",
            "rom": "Socijalno arakhipe thaj lovengo ažutipe",
            "sq": "Mbrojtja sociale dhe ndihma financiare",
            "de": "Sozialschutz und finanzielle Hilfe",
            "en": "Social protection and financial assistance",
        },
    ),
    (
        "zdravstvena-zastita",
        "🩺",
        {
            "sr-latn": "Zdravstvena zaštita",
            "rom": "Sastipasko arakhipe",
            "sq": "Kujdesi shëndetësor",
            "de": "Gesundheitsversorgung",
            "en": "Health care",
        },
    ),
    (
        "obrazovanje",
        "🎒",
        {
            "sr-latn": "Obrazovanje i upis u školu",
            "rom": "Sikljovipe thaj upisi ani škola",
            "sq": "Arsimi dhe regjistrimi në shkollë",
            "de": "Bildung und Schulanmeldung",
            "en": "Education and school enrolment",
        },
    ),
    (
        "zaposljavanje",
        "🧰",
        {
            "sr-latn": "Zapošljavanje i obuke",
            "rom": "Buti thaj obuke",
            "sq": "Punësimi dhe trajnimet",
            "de": "Arbeit und Ausbildung",
            "en": "Employment and training",
        },
    ),
    (
        "stanovanje",
        "🏠",
        {
            "sr-latn": "Stanovanje",
            "rom": "Bešipe thaj kher",
            "sq": "Strehimi",
            "de": "Wohnen",
            "en": "Housing",
        },
    ),
    (
        "pravna-pomoc",
        "⚖️",
        {
            "sr-latn": "Pravna pomoć",
            "rom": "Pravno ažutipe",
            "sq": "Ndihma juridike",
            "de": "Rechtshilfe",
            "en": "Legal aid",
        },
    ),
    (
        "psihosocijalna-podrska",
        "💬",
        {
            "sr-latn": "Psihosocijalna podrška",
            "rom": "Psihosocijalno ažutipe",
            "sq": "Mbështetja psikosociale",
            "de": "Psychosoziale Unterstützung",
            "en": "Psychosocial support",
        },
    ),
    (
        "deca-i-porodica",
        "👪",
        {
            "sr-latn": "Deca i porodica",
            "rom": "Čhavore thaj familija",
            "sq": "Fëmijët dhe familja",
            "de": "Kinder und Familie",
            "en": "Children and family",
        },
    ),
    (
        "ekonomska-podrska",
        "💶",
        {
            "sr-latn": "Ekonomska podrška i grantovi",
            "rom": "Ekonomikano ažutipe thaj grantija",
            "sq": "Mbështetja ekonomike dhe grantet",
            "de": "Wirtschaftliche Förderung und Zuschüsse",
            "en": "Economic support and grants",
        },
    ),
]

SPOKEN_LANGUAGES = {
    "sr": {"sr-latn": "srpski", "rom": "serbikane", "sq": "serbisht", "de": "Serbisch",
           "en": "Serbian"},
    "rom": {"sr-latn": "romski", "rom": "romanes", "sq": "rome", "de": "Romanes",
            "en": "Romani"},
    "sq": {"sr-latn": "albanski", "rom": "albanikane", "sq": "shqip", "de": "Albanisch",
           "en": "Albanian"},
    "de": {"sr-latn": "nemački", "rom": "nemckane", "sq": "gjermanisht", "de": "Deutsch",
           "en": "German"},
    "en": {"sr-latn": "engleski", "rom": "anglikane", "sq": "anglisht", "de": "Englisch",
           "en": "English"},
}  # fmt: skip

# National organisations, with their real public websites.
NATIONAL_ORGANIZATIONS = {
    "nacionalna-sluzba-za-zaposljavanje": (
        Organization.Kind.PUBLIC_INSTITUTION,
        "https://www.nsz.gov.rs",
        {
            "sr-latn": "Nacionalna služba za zapošljavanje",
            "rom": "Nacionalno služba vaš buti",
            "sq": "Shërbimi Kombëtar i Punësimit",
            "de": "Nationaler Arbeitsvermittlungsdienst",
            "en": "National Employment Service",
        },
    ),
    "ministarstvo-unutrasnjih-poslova": (
        Organization.Kind.PUBLIC_INSTITUTION,
        "https://www.mup.gov.rs",
        {
            "sr-latn": "Ministarstvo unutrašnjih poslova",
            "rom": "Ministeriumo vaš andrune buća",
            "sq": "Ministria e Punëve të Brendshme",
            "de": "Innenministerium",
            "en": "Ministry of Interior",
        },
    ),
    "komesarijat-za-izbeglice-i-migracije": (
        Organization.Kind.PUBLIC_INSTITUTION,
        "https://kirs.gov.rs",
        {
            "sr-latn": "Komesarijat za izbeglice i migracije Republike Srbije",
            "rom": "Komesarijato vaš izbeglice thaj migracie e Republikako Srbija",
            "sq": "Komisariati për Refugjatë dhe Migracion i Republikës së Serbisë",
            "de": "Kommissariat für Flüchtlinge und Migration der Republik Serbien",
            "en": "Commissariat for Refugees and Migration of the Republic of Serbia",
        },
    ),
    "asb-srbija": (
        Organization.Kind.INTERNATIONAL,
        "",
        _same("Arbeiter-Samariter-Bund (ASB)"),
    ),
    "ekumenska-humanitarna-organizacija": (
        Organization.Kind.NGO,
        "",
        {
            "sr-latn": "Ekumenska humanitarna organizacija (EHO)",
            "rom": "Ekumenikani humanitarno organizacija (EHO)",
            "sq": "Organizata Humanitare Ekumenike (EHO)",
            "de": "Ökumenische Humanitäre Organisation (EHO)",
            "en": "Ecumenical Humanitarian Organization (EHO)",
        },
    ),
    "inicijativa-za-razvoj-i-saradnju": (
        Organization.Kind.NGO,
        "",
        {
            "sr-latn": "Inicijativa za razvoj i saradnju (IDC)",
            "de": "Initiative für Entwicklung und Zusammenarbeit (IDC)",
            "en": "Initiative for Development and Cooperation (IDC)",
        },
    ),
}

# Local offices every municipality has. Each entry: organisation (a local one named after the
# municipality, or a national one by slug), categories and the service's texts.
LOCAL_SERVICE_KINDS = {
    "centar-za-socijalni-rad": {
        "organization": (
            "local",
            Organization.Kind.PUBLIC_INSTITUTION,
            {
                "sr-latn": "Centar za socijalni rad {m}",
                "rom": "Centro vaš socijalno buti {m}",
                "sq": "Qendra për Punë Sociale {m}",
                "de": "Zentrum für Sozialarbeit {m}",
                "en": "Centre for Social Work {m}",
            },
        ),
        "categories": ["socijalna-zastita", "deca-i-porodica", "psihosocijalna-podrska"],
        "name": {
            "sr-latn": "Socijalna zaštita i novčana socijalna pomoć",
            "rom": "Socijalno arakhipe thaj lovengo socijalno ažutipe",
            "sq": "Mbrojtja sociale dhe ndihma financiare sociale",
            "de": "Sozialschutz und finanzielle Sozialhilfe",
            "en": "Social protection and financial social assistance",
        },
        "description": {
            "sr-latn": "Centar za socijalni rad je prvo mesto za porodice kojima je potrebna "
            "pomoć: novčana socijalna pomoć, jednokratna pomoć, zaštita dece i porodice, "
            "savetovanje. Stručni radnici procenjuju potrebe porodice i upućuju na druge "
            "službe.",
            "rom": "O Centro vaš socijalno buti si o angluno than vaš e familije kaske trubul "
            "ažutipe: lovengo ažutipe, jekhvarutno ažutipe, arakhipe e čhavorengo thaj e "
            "familijako.",
            "sq": "Qendra për Punë Sociale është vendi i parë për familjet që kanë nevojë për "
            "ndihmë: ndihmë financiare sociale, ndihmë e njëhershme, mbrojtje e fëmijëve dhe "
            "e familjes, këshillim.",
            "de": "Das Zentrum für Sozialarbeit ist die erste Anlaufstelle für Familien, die "
            "Hilfe brauchen: finanzielle Sozialhilfe, einmalige Hilfe, Schutz von Kindern und "
            "Familien, Beratung. Fachkräfte klären den Bedarf der Familie und vermitteln an "
            "andere Stellen.",
            "en": "The centre for social work is the first place for families who need help: "
            "financial social assistance, one-off assistance, protection of children and "
            "families, counselling. Social workers assess what the family needs and refer it "
            "to other services.",
        },
        "documents": {
            "sr-latn": "Lična karta ili drugi dokument o identitetu za sve članove "
            "domaćinstva, i dokumenti o prihodima i imovini koje imate. Stručni radnik će "
            "vam reći šta još treba za vaš zahtev.",
            "de": "Personalausweis oder ein anderes Identitätsdokument für alle Mitglieder "
            "des Haushalts und die Unterlagen zu Einkommen und Vermögen, die Sie haben. Die "
            "Fachkraft sagt Ihnen, was für Ihren Antrag noch nötig ist.",
            "en": "An ID card or other identity document for every member of the household, "
            "and the papers about income and property that you have. The social worker will "
            "tell you what else your application needs.",
        },
    },
    "dom-zdravlja": {
        "organization": (
            "local",
            Organization.Kind.PUBLIC_INSTITUTION,
            {
                "sr-latn": "Dom zdravlja {m}",
                "rom": "Kher e sastipasko {m}",
                "sq": "Shtëpia e Shëndetit {m}",
                "de": "Gesundheitszentrum (Dom zdravlja) {m}",
                "en": "Health Centre {m}",
            },
        ),
        "categories": ["zdravstvena-zastita", "deca-i-porodica"],
        "name": {
            "sr-latn": "Izabrani lekar, pedijatar i vakcinacija",
            "rom": "Alome doktori, doktori vaš e čhavore thaj vakcinacija",
            "sq": "Mjeku i zgjedhur, pediatri dhe vaksinimi",
            "de": "Hausarzt, Kinderarzt und Impfungen",
            "en": "Family doctor, paediatrician and vaccinations",
        },
        "description": {
            "sr-latn": "U domu zdravlja birate lekara opšte prakse i pedijatra za decu, dobijate "
            "uputnice i vakcine. Za pregled je potrebna zdravstvena knjižica ili osiguranje; "
            "ako ga još nemate, pitajte šta možete da dobijete odmah.",
            "rom": "Ano kher e sastipasko alosaren doktori vaš tumende thaj vaš e čhavore, "
            "len uputnice thaj vakcine.",
            "sq": "Në shtëpinë e shëndetit zgjidhni mjekun e familjes dhe pediatrin për "
            "fëmijët, merrni udhëzime dhe vaksina.",
            "de": "Im Gesundheitszentrum wählen Sie einen Hausarzt und einen Kinderarzt, "
            "bekommen Überweisungen und Impfungen. Für eine Untersuchung brauchen Sie eine "
            "Krankenversicherung; wenn Sie noch keine haben, fragen Sie, was Sie sofort "
            "bekommen können.",
            "en": "At the health centre you choose a general practitioner and a paediatrician "
            "for the children, and get referrals and vaccinations. An examination needs "
            "health insurance; if you do not have it yet, ask what you can get right away.",
        },
    },
    "maticna-sluzba": {
        "organization": (
            "local",
            Organization.Kind.LOCAL_GOVERNMENT,
            {
                "sr-latn": "{administration} {m}",
                "en": "{m} {administration_en}",
            },
        ),
        "categories": ["licna-dokumenta", "deca-i-porodica"],
        "name": {
            "sr-latn": "Matična služba: izvodi iz matičnih knjiga i upis dece rođene u "
            "inostranstvu",
            "rom": "Matično služba: izvodija thaj upisi e čhavengo kola bijande avral",
            "sq": "Shërbimi i gjendjes civile: ekstrakte dhe regjistrimi i fëmijëve të lindur "
            "jashtë vendit",
            "de": "Standesamt: Auszüge aus den Personenstandsbüchern und Eintragung von im "
            "Ausland geborenen Kindern",
            "en": "Registry office: extracts from the civil registers and registration of "
            "children born abroad",
        },
        "description": {
            "sr-latn": "Matičar izdaje izvode iz matične knjige rođenih, venčanih i umrlih i "
            "upisuje u knjige činjenice koje su nastale u inostranstvu, na primer rođenje "
            "deteta u Nemačkoj. Izvod iz matične knjige rođenih i uverenje o državljanstvu "
            "potrebni su za ličnu kartu.",
            "rom": "O matičari del izvodija andar e matično lila thaj upisinel e čhavoren kola "
            "bijande ani Germanija.",
            "sq": "Nëpunësi i gjendjes civile lëshon ekstrakte nga librat e lindjeve, "
            "martesave dhe vdekjeve dhe regjistron fëmijët e lindur në Gjermani.",
            "de": "Das Standesamt stellt Auszüge aus dem Geburten-, Heirats- und Sterbebuch "
            "aus und trägt Ereignisse aus dem Ausland ein, zum Beispiel die Geburt eines "
            "Kindes in Deutschland. Für den Personalausweis braucht man den Geburtsauszug "
            "und den Staatsangehörigkeitsnachweis.",
            "en": "The registrar issues extracts from the registers of births, marriages and "
            "deaths, and enters events that happened abroad, for example a child's birth in "
            "Germany. An extract from the birth register and a certificate of citizenship are "
            "needed for an ID card.",
        },
        "documents": {
            "sr-latn": "Za upis deteta rođenog u inostranstvu: strani izvod ili potvrda o "
            "rođenju, po pravilu sa prevodom; pitajte matičara da li je potreban i apostil.",
            "de": "Für die Eintragung eines im Ausland geborenen Kindes: die ausländische "
            "Geburtsurkunde, in der Regel mit Übersetzung; fragen Sie, ob eine Apostille "
            "nötig ist.",
            "en": "To register a child born abroad: the foreign birth certificate, usually "
            "with a translation; ask the registrar whether an apostille is needed too.",
        },
    },
    "poverenik-za-izbeglice-i-migracije": {
        "organization": (
            "local",
            Organization.Kind.LOCAL_GOVERNMENT,
            {
                "sr-latn": "{administration} {m}",
                "en": "{m} {administration_en}",
            },
        ),
        "categories": ["socijalna-zastita", "stanovanje", "pravna-pomoc"],
        "name": {
            "sr-latn": "Poverenik za izbeglice i migracije",
            "rom": "Povereniko vaš izbeglice thaj migracie",
            "sq": "Përfaqësuesi për refugjatë dhe migracion",
            "de": "Beauftragte/r für Flüchtlinge und Migration",
            "en": "Commissioner for refugees and migration",
        },
        "description": {
            "sr-latn": "Poverenik u opštini je veza sa Komesarijatom za izbeglice i "
            "migracije. Povratnici po sporazumu o readmisiji ovde dobijaju informacije o "
            "pravima i pomoć da se povežu sa drugim službama u opštini.",
            "rom": "O povereniko ani opština si o phanglipe e Komesarijatosa vaš izbeglice "
            "thaj migracie. Kate e povratnikura lena informacie thaj ažutipe.",
            "sq": "Përfaqësuesi në komunë është lidhja me Komisariatin për Refugjatë dhe "
            "Migracion. Të kthyerit marrin këtu informata dhe ndihmë.",
            "de": "Die/der Beauftragte in der Gemeinde ist die Verbindung zum Kommissariat "
            "für Flüchtlinge und Migration. Rückkehrer nach dem Rückübernahmeabkommen "
            "erhalten hier Informationen über ihre Rechte und Hilfe bei der Kontaktaufnahme "
            "mit anderen Stellen in der Gemeinde.",
            "en": "The commissioner in the municipality is the link to the Commissariat for "
            "Refugees and Migration. People returned under the readmission agreement get "
            "information about their rights here, and help to reach the other services in "
            "the municipality.",
        },
    },
    "besplatna-pravna-pomoc": {
        "organization": (
            "local",
            Organization.Kind.LOCAL_GOVERNMENT,
            {
                "sr-latn": "{administration} {m}",
                "en": "{m} {administration_en}",
            },
        ),
        "categories": ["pravna-pomoc"],
        "name": {
            "sr-latn": "Besplatna pravna pomoć",
            "rom": "Bipokindo pravno ažutipe",
            "sq": "Ndihma juridike falas",
            "de": "Kostenlose Rechtshilfe",
            "en": "Free legal aid",
        },
        "description": {
            "sr-latn": "Prema Zakonu o besplatnoj pravnoj pomoći, opština pruža besplatnu "
            "pravnu pomoć građanima koji ispunjavaju uslove, među njima i korisnicima "
            "socijalne pomoći: savet, sastavljanje podnesaka, zastupanje.",
            "rom": "E opština del bipokindo pravno ažutipe e manušenđe kola pherdon e uslovija: "
            "savet, ramope e lilengo, zastupipe.",
            "sq": "Komuna ofron ndihmë juridike falas për qytetarët që i plotësojnë kushtet: "
            "këshillë, hartim shkresash, përfaqësim.",
            "de": "Nach dem Gesetz über kostenlose Rechtshilfe bietet die Gemeinde Bürgern, "
            "die die Voraussetzungen erfüllen, darunter Empfängern von Sozialhilfe, "
            "kostenlose Rechtshilfe: Beratung, Schriftsätze, Vertretung.",
            "en": "Under the Law on Free Legal Aid, the municipality gives free legal aid to "
            "citizens who meet the conditions, among them people on social assistance: "
            "advice, drafting of submissions, representation.",
        },
    },
    "licna-karta-i-prebivaliste": {
        "organization": ("national", "ministarstvo-unutrasnjih-poslova"),
        "categories": ["licna-dokumenta"],
        "name": {
            "sr-latn": "Lična karta, prijava prebivališta i pasoš",
            "rom": "Lična karta, prijava e bešipaski thaj pasoši",
            "sq": "Letërnjoftimi, regjistrimi i vendbanimit dhe pasaporta",
            "de": "Personalausweis, Wohnsitzanmeldung und Reisepass",
            "en": "ID card, registering your residence, and passport",
        },
        "description": {
            "sr-latn": "U policijskoj upravi ili stanici za vašu opštinu prijavljujete "
            "prebivalište i podnosite zahtev za ličnu kartu i pasoš. Prijava prebivališta "
            "je potrebna za većinu drugih prava.",
            "rom": "Ani policijako stanica prijavinen o bešipe thaj mangen lična karta thaj "
            "pasoši.",
            "sq": "Në stacionin e policisë regjistroni vendbanimin dhe aplikoni për "
            "letërnjoftim dhe pasaportë.",
            "de": "Bei der Polizeiverwaltung oder -station Ihrer Gemeinde melden Sie Ihren "
            "Wohnsitz an und beantragen Personalausweis und Reisepass. Die Anmeldung des "
            "Wohnsitzes ist für die meisten anderen Rechte nötig.",
            "en": "At the police administration or station for your municipality you "
            "register your residence and apply for an ID card and a passport. A registered "
            "residence is needed for most other rights.",
        },
        "documents": {
            "sr-latn": "Izvod iz matične knjige rođenih, uverenje o državljanstvu i dokument "
            "sa fotografijom ako ga imate (i putni list ili dokument koji ste dobili pri "
            "povratku).",
            "de": "Geburtsauszug, Staatsangehörigkeitsnachweis und ein Dokument mit Foto, "
            "falls vorhanden (auch das Reisedokument, das Sie bei der Rückkehr bekommen "
            "haben).",
            "en": "An extract from the birth register, a certificate of citizenship, and any "
            "document with a photo you have (including the travel document you were given on "
            "return).",
        },
    },
    "nsz-prijava-i-mere": {
        "organization": ("national", "nacionalna-sluzba-za-zaposljavanje"),
        "categories": ["zaposljavanje", "ekonomska-podrska"],
        "name": {
            "sr-latn": "Prijava na evidenciju nezaposlenih i mere zapošljavanja",
            "rom": "Prijava sar bibutjarno thaj mere vaš buti",
            "sq": "Regjistrimi si i papunë dhe masat e punësimit",
            "de": "Arbeitslosmeldung und Beschäftigungsmaßnahmen",
            "en": "Registering as unemployed, and employment measures",
        },
        "description": {
            "sr-latn": "Nacionalna služba za zapošljavanje vodi evidenciju nezaposlenih, "
            "posreduje u zapošljavanju i sprovodi mere kao što su obuke i subvencije za "
            "samozapošljavanje, kada su raspisane. Prijava je za mnoge i uslov za druga "
            "prava.",
            "rom": "E Nacionalno služba vaš buti rodel buti tumenđe thaj kerel obuke thaj "
            "subvencie vaš korkoro buti.",
            "sq": "Shërbimi Kombëtar i Punësimit ndërmjetëson për punë dhe zbaton masa si "
            "trajnime dhe subvencione për vetëpunësim.",
            "de": "Der Nationale Arbeitsvermittlungsdienst führt das Register der "
            "Arbeitslosen, vermittelt Arbeit und führt Maßnahmen wie Schulungen und "
            "Zuschüsse zur Selbstständigkeit durch, wenn sie ausgeschrieben sind. Die "
            "Meldung ist für viele auch Voraussetzung für andere Rechte.",
            "en": "The National Employment Service keeps the register of unemployed people, "
            "helps people find work and runs measures such as trainings and self-employment "
            "subsidies when they are announced. For many, registering is also a condition "
            "for other rights.",
        },
    },
}

# RE!NTEGRATE phase I set up community centres in these municipalities (ASB page).
COMMUNITY_CENTRE_MUNICIPALITIES = ["novi-pazar", "tutin", "sjenica"]
COMMUNITY_CENTRE = {
    "categories": ["psihosocijalna-podrska", "ekonomska-podrska", "deca-i-porodica"],
    "name": {
        "sr-latn": "Društveni centar za povratnike i lokalno stanovništvo (RE!NTEGRATE)",
        "rom": "Socijalno centro vaš e povratnikura thaj e lokalno manuša (RE!NTEGRATE)",
        "sq": "Qendra komunitare për të kthyerit dhe banorët vendas (RE!NTEGRATE)",
        "de": "Gemeinschaftszentrum für Rückkehrer und Einheimische (RE!NTEGRATE)",
        "en": "Community centre for returnees and local people (RE!NTEGRATE)",
    },
    "description": {
        "sr-latn": "ASB je u prvoj fazi projekta RE!NTEGRATE opremio društvene centre u Novom "
        "Pazaru, Tutinu i Sjenici kao mesta okupljanja povratnika i lokalnog stanovništva. "
        "Pitajte lokalnog saradnika za (re)integraciju da li centar radi i šta se trenutno "
        "nudi.",
        "rom": "O ASB ani angluni faza e RE!NTEGRATE projektosko kerdas socijalno centrija ano "
        "Novi Pazar, Tutin thaj Sjenica. Pučen e lokalno saradnikos so akana del pes.",
        "sq": "ASB në fazën e parë të RE!NTEGRATE pajisi qendra komunitare në Novi Pazar, "
        "Tutin dhe Sjenicë. Pyesni bashkëpunëtorin lokal nëse qendra punon.",
        "de": "ASB hat in der ersten Phase von RE!NTEGRATE Gemeinschaftszentren in Novi "
        "Pazar, Tutin und Sjenica als Treffpunkte für Rückkehrer und Einheimische "
        "eingerichtet. Fragen Sie die lokale Ansprechperson für (Re-)Integration, ob das "
        "Zentrum geöffnet ist und was derzeit angeboten wird.",
        "en": "In the first phase of RE!NTEGRATE, ASB equipped community centres in Novi "
        "Pazar, Tutin and Sjenica as meeting places for returnees and local people. Ask the "
        "local associate for (re)integration whether the centre is open and what it offers "
        "now.",
    },
}

ADMINISTRATION_NAMES = {
    True: ("Gradska uprava", "City Administration"),
    False: ("Opštinska uprava", "Municipal Administration"),
}

PROJECTS = [
    {
        "slug": "mreza-za-reintegraciju-povratnika",
        "title": {
            "sr-latn": "Mreža za (re)integraciju povratnika u Srbiji",
            "de": "Netzwerk für die (Re-)Integration von Rückkehrern in Serbien",
            "en": "The Network for (Re)Integration of Returnees in Serbia",
        },
        "summary": {
            "sr-latn": "Jačanje Mreže lokalnih saradnika za reintegraciju, mapiranje resursa "
            "u 15 gradova i opština i Vodič za integraciju povratnika na četiri jezika "
            "(romski, albanski, nemački i srpski).",
            "de": "Stärkung des Netzwerks lokaler Ansprechpersonen für Reintegration, "
            "Erfassung der Angebote in 15 Städten und Gemeinden und ein Leitfaden für "
            "Rückkehrer in vier Sprachen (Romanes, Albanisch, Deutsch und Serbisch).",
            "en": "Strengthening the Network of local associates for reintegration, mapping "
            "resources in 15 cities and municipalities, and a Guide for Integration of "
            "Returnees in four languages (Romani, Albanian, German and Serbian).",
        },
        "description": {
            "sr-latn": "Projekat je nastao s ciljem da doprinese (re)integraciji povratnika i "
            "pomogne uspostavljanju mera podrške porodicama vraćenim iz Nemačke po osnovu "
            "Sporazuma o readmisiji. U prvoj fazi obavljena je petodnevna studijska poseta "
            "nemačkim institucijama socijalne zaštite; u drugoj fazi mapirani su resursi u 15 "
            "gradova i opština radi izrade informativno-edukativne brošure.",
            "de": "Das Projekt soll zur (Re-)Integration von Rückkehrern beitragen und "
            "Unterstützungsmaßnahmen für Familien aufbauen, die aufgrund des "
            "Rückübernahmeabkommens aus Deutschland nach Serbien zurückgekehrt sind. In der "
            "ersten Phase fand ein fünftägiger Studienbesuch bei deutschen Einrichtungen der "
            "Sozialhilfe statt; in der zweiten Phase wurden die Angebote in 15 Städten und "
            "Gemeinden für eine Informationsbroschüre erfasst.",
            "en": "The project aimed to contribute to the (re)integration of returnees and "
            "to help establish support for families returned from Germany under the "
            "Readmission Agreement. The first phase included a five-day study visit to "
            "German social welfare institutions; the second mapped resources in 15 cities "
            "and municipalities for an information and education brochure.",
        },
        "implementers": _same("Ekumenska humanitarna organizacija (EHO)"),
        "funders": {
            "sr-latn": "Strategija Evropske unije za Dunavski region (EUSDR), Ministarstvo "
            "Baden-Virtemberga, Dijakonija Virtemberg",
            "de": "EU-Strategie für den Donauraum (EUSDR), Ministerium Baden-Württemberg, "
            "Diakonie Württemberg",
            "en": "EU Strategy for the Danube Region (EUSDR), Ministry of Baden-Württemberg, "
            "Diakonie Württemberg",
        },
        "starts_on": date(2019, 1, 1),
        "ends_on": date(2020, 12, 31),
        "period_precision": Project.Precision.MONTH,
        "budget": None,
        "municipalities": [],
        "contact": "Milisav Milinković, milisav@ehons.org",
        "source": "Ekumenska humanitarna organizacija: Mreža za (re)integraciju povratnika "
        "u Srbiji",
        "indicators": [],
    },
    {
        "slug": "reintegrate",
        "title": {
            "sr-latn": "RE!NTEGRATE – podrška održivoj (re)integraciji povratnika u Srbiji "
            "(faze I i II)",
            "de": "RE!NTEGRATE – Unterstützung der nachhaltigen (Re-)Integration von "
            "Rückkehrern in Serbien (Phasen I und II)",
            "en": "RE!NTEGRATE – Support for sustainable (re-)integration of returnees in "
            "Serbia (phases I and II)",
        },
        "summary": {
            "sr-latn": "Psihosocijalna i ekonomska podrška povratnicima iz zemalja EU i "
            "ranjivim grupama u centralnoj i južnoj Srbiji, i jačanje lokalnih kapaciteta "
            "(faza I: Raška; faza II: Raška, Rasina i Pirot).",
            "de": "Psychosoziale und wirtschaftliche Unterstützung für Rückkehrer aus der EU "
            "und besonders verletzliche Gruppen in Zentral- und Südserbien sowie Aufbau "
            "lokaler Kapazitäten (Phase I: Raška; Phase II: Raška, Rasina und Pirot).",
            "en": "Psychosocial and economic support for returnees from EU countries and "
            "vulnerable groups in central and southern Serbia, and stronger local capacities "
            "(phase I: Raška region; phase II: Raška, Rasina and Pirot regions).",
        },
        "implementers": _same("Arbeiter-Samariter-Bund (ASB)"),
        "funders": {
            "sr-latn": "ASB, Savezno ministarstvo za ekonomsku saradnju i razvoj Nemačke "
            "(BMZ), lokalne zajednice u Srbiji",
            "de": "ASB, Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung "
            "(BMZ), lokale Gemeinden in Serbien",
            "en": "ASB, German Federal Ministry for Economic Cooperation and Development "
            "(BMZ), local communities in Serbia",
        },
        "starts_on": date(2019, 1, 1),
        "ends_on": date(2025, 12, 31),
        "period_precision": Project.Precision.YEAR,
        "budget": Decimal("3448487.01"),
        "municipalities": ["novi-pazar", "tutin", "sjenica", "krusevac", "pirot"],
        "contact": "",
        "source": "Arbeiter-Samariter-Bund: RE!NTEGRATE – Supporting sustainable "
        "(re-)integration of returnees in Serbia",
        # Phase I results as published by ASB (no date given beyond "phase I", 2019-2021).
        "indicators": [
            (
                "915",
                {
                    "sr-latn": "Radionice (faza I)",
                    "de": "Workshops (Phase I)",
                    "en": "Workshops (phase I)",
                },
            ),
            (
                "1912",
                {
                    "sr-latn": "Korisnici radionica: deca, mladi i odrasli",
                    "de": "Teilnehmende an Workshops: Kinder, Jugendliche und Erwachsene",
                    "en": "Workshop beneficiaries: children, young people and adults",
                },
            ),
            (
                "1765",
                {
                    "sr-latn": "Deca i mladi u radionicama podrške za školu",
                    "de": "Kinder und Jugendliche in Workshops zur Schulunterstützung",
                    "en": "Children and young people in school support workshops",
                },
            ),
            ("179", {"sr-latn": "Volonteri", "de": "Freiwillige", "en": "Volunteers"}),
            (
                "753",
                {
                    "sr-latn": "Povratnici i lokalno stanovništvo koji su dobili pravnu pomoć",
                    "de": "Rückkehrer und Einheimische mit Rechtsberatung",
                    "en": "Returnees and local people given legal assistance",
                },
            ),
            (
                "365",
                {
                    "sr-latn": "Povratnici koji su dobili zdravstvene i socijalne usluge",
                    "de": "Rückkehrer mit Gesundheits- und Sozialleistungen",
                    "en": "Returnees who received health and social services",
                },
            ),
            (
                "22",
                {
                    "sr-latn": "Poslovne obuke (ukupno 88 dana obuke)",
                    "de": "Unternehmensschulungen (insgesamt 88 Schulungstage)",
                    "en": "Business training sessions (88 training days in total)",
                },
            ),
            (
                "255",
                {
                    "sr-latn": "Učesnici poslovnih obuka",
                    "de": "Teilnehmende an Unternehmensschulungen",
                    "en": "Business training participants",
                },
            ),
            (
                "98",
                {
                    "sr-latn": "Korisnici koji su dobili mašine ili alat vredne 3.000 evra "
                    "(68 povratnika, 30 lokalnih)",
                    "de": "Begünstigte, die Maschinen oder Werkzeuge im Wert von 3.000 Euro "
                    "erhielten (68 Rückkehrer, 30 Einheimische)",
                    "en": "Beneficiaries who received machines or tools worth 3,000 euros "
                    "(68 returnees, 30 locals)",
                },
            ),
            (
                "50",
                {
                    "sr-latn": "Završili program stručne obuke",
                    "de": "Abgeschlossene Berufsausbildungsprogramme",
                    "en": "Completed the vocational training programme",
                },
            ),
            (
                "3",
                {
                    "sr-latn": "Društveni centri (Novi Pazar, Tutin, Sjenica)",
                    "de": "Gemeinschaftszentren (Novi Pazar, Tutin, Sjenica)",
                    "en": "Community centres (Novi Pazar, Tutin, Sjenica)",
                },
            ),
        ],  # fmt: skip
    },
    {
        "slug": "reintegracija-ii-pirot",
        "title": {
            "sr-latn": "Reintegracija II – dalja podrška održivoj (re)integraciji povratnika "
            "(Pirot)",
            "de": "Reintegration II – weitere Unterstützung der nachhaltigen "
            "(Re-)Integration von Rückkehrern (Pirot)",
            "en": "Reintegration II – Further support to sustainable (re)integration of "
            "returnees in Serbia (Pirot)",
        },
        "summary": {
            "sr-latn": "Podrška za više od 800 korisnika u Pirotu: subvencije za "
            "samozapošljavanje, poslovne obuke i prekvalifikacije, subvencije poslodavcima "
            "za nova radna mesta, inkluzivne radionice za decu i mlade i razvoj lokalnih "
            "socijalnih usluga.",
            "de": "Unterstützung für mehr als 800 Begünstigte in Pirot: Zuschüsse zur "
            "Selbstständigkeit, Unternehmensschulungen und Umschulungen, Zuschüsse für "
            "Arbeitgeber für neue Arbeitsplätze, inklusive Workshops für Kinder und "
            "Jugendliche und Aufbau lokaler Sozialdienste.",
            "en": "Support for over 800 beneficiaries in Pirot: self-employment subsidies, "
            "business training and retraining, subsidies to employers for new jobs, "
            "inclusive workshops for children and youth, and local social services.",
        },
        "implementers": {
            "sr-latn": "ASB (Arbeiter-Samariter-Bund), partner u sprovođenju Inicijativa za "
            "razvoj i saradnju (IDC), Beograd",
            "de": "ASB (Arbeiter-Samariter-Bund), Durchführungspartner Initiative für "
            "Entwicklung und Zusammenarbeit (IDC), Belgrad",
            "en": "ASB (Arbeiter-Samariter-Bund), with the Initiative for Development and "
            "Cooperation (IDC), Belgrade, as implementing partner",
        },
        "funders": {
            "sr-latn": "Savezno ministarstvo za ekonomsku saradnju i razvoj Nemačke (BMZ), uz "
            "sufinansiranje grada Pirota",
            "de": "Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung "
            "(BMZ), kofinanziert von der Stadt Pirot",
            "en": "German Federal Ministry for Economic Cooperation and Development (BMZ), "
            "co-financed by the City of Pirot",
        },
        # The source says the project runs "until April 31, 2025", a day that does not
        # exist: we keep the month only.
        "starts_on": None,
        "ends_on": date(2025, 4, 30),
        "period_precision": Project.Precision.MONTH,
        "budget": Decimal("400000.00"),
        "municipalities": ["pirot"],
        "website": "https://www.reintegracija.net",
        "contact": "",
        "source": "Seminar „Razvoj lokalnih socijalnih usluga“ – Reintegracija II, Pirot",
        "indicators": [],
    },
]

# Themes of the Reintegration II calls in Pirot. The source gives no dates; the calls cannot
# outlast the project, so they close with it (April 2025) and no longer show as open.
PIROT_CALLS = [
    ("pirot-subvencije-za-samozaposljavanje", ["ekonomska-podrska", "zaposljavanje"], {
        "sr-latn": "Subvencije za samozapošljavanje (Pirot)",
        "de": "Zuschüsse zur Selbstständigkeit (Pirot)",
        "en": "Self-employment subsidies (Pirot)",
    }),
    ("pirot-poslovne-obuke-i-prekvalifikacije", ["zaposljavanje"], {
        "sr-latn": "Poslovne obuke i programi prekvalifikacije (Pirot)",
        "de": "Unternehmensschulungen und Umschulungsprogramme (Pirot)",
        "en": "Business training and retraining programmes (Pirot)",
    }),
    ("pirot-subvencije-poslodavcima", ["zaposljavanje", "ekonomska-podrska"], {
        "sr-latn": "Subvencije poslodavcima za otvaranje novih radnih mesta (Pirot)",
        "de": "Zuschüsse für Arbeitgeber für neue Arbeitsplätze (Pirot)",
        "en": "Subsidies to employers for creating new jobs (Pirot)",
    }),
]  # fmt: skip
PIROT_CALL_ELIGIBILITY = {
    "sr-latn": "Povratnici po sporazumu o readmisiji i druge teže zapošljive kategorije "
    "stanovništva u Pirotu.",
    "de": "Rückkehrer nach dem Rückübernahmeabkommen und andere schwer vermittelbare "
    "Gruppen in Pirot.",
    "en": "Returnees under the readmission agreement and other harder-to-employ people in Pirot.",
}
PIROT_CALL_DESCRIPTION = {
    "sr-latn": "Tema poziva projekta Reintegracija II u Pirotu. Datumi poziva nisu objavljeni "
    "ovde; projekat je trajao do aprila 2025. Informacije o novim pozivima: "
    "www.reintegracija.net i Grad Pirot.",
    "de": "Thema eines Aufrufs von Reintegration II in Pirot. Die Daten sind hier nicht "
    "veröffentlicht; das Projekt lief bis April 2025. Neue Aufrufe: www.reintegracija.net "
    "und die Stadt Pirot.",
    "en": "A theme of the Reintegration II calls in Pirot. The call dates are not published "
    "here; the project ran until April 2025. For new calls see www.reintegracija.net and the "
    "City of Pirot.",
}


@transaction.atomic
def demo_load() -> dict[str, int]:
    """Create or update the demo directory. Returns how many rows each model has."""
    districts = {
        slug: _upsert(District, slug, {**_t("name", names), "translation_review":
                                       _review_state(names)})
        for slug, names in DISTRICTS.items()
    }  # fmt: skip
    municipalities = {
        slug: _upsert(
            Municipality,
            slug,
            {**_t("name", _same(name)), "district": districts[district]},
        )
        for slug, (name, district, _is_city) in MUNICIPALITIES.items()
    }
    categories = {}
    for order, (slug, icon, names) in enumerate(CATEGORIES, start=1):
        categories[slug] = _upsert(
            Category,
            slug,
            {**_t("name", names), "icon": icon, "order": order,
             "translation_review": _review_state(names)},
        )  # fmt: skip
    for code, names in SPOKEN_LANGUAGES.items():
        _upsert(SpokenLanguage, code, {**_t("name", names),
                                       "translation_review": _review_state(names)},
                key="code")  # fmt: skip
    national = {
        slug: _upsert(
            Organization,
            slug,
            {
                **_t("name", names),
                "kind": kind,
                "website": website,
                "municipality": None,
                "translation_review": _review_state(names),
            },
        )  # fmt: skip
        for slug, (kind, website, names) in NATIONAL_ORGANIZATIONS.items()
    }
    for m_slug, municipality in municipalities.items():
        _name, _district, is_city = MUNICIPALITIES[m_slug]
        for kind_slug, kind in LOCAL_SERVICE_KINDS.items():
            organization = _organization_for(kind, municipality, is_city, national)
            _service(
                slug=f"{kind_slug}-{m_slug}",
                organization=organization,
                municipality=municipality,
                texts=kind,
                categories=[categories[c] for c in kind["categories"]],
            )
    for m_slug in COMMUNITY_CENTRE_MUNICIPALITIES:
        _service(
            slug=f"drustveni-centar-{m_slug}",
            organization=national["asb-srbija"],
            municipality=municipalities[m_slug],
            texts=COMMUNITY_CENTRE,
            categories=[categories[c] for c in COMMUNITY_CENTRE["categories"]],
        )
    for data in PROJECTS:
        _project(data, municipalities)
    pirot_project = Project.objects.get(slug="reintegracija-ii-pirot")
    for slug, _categories, titles in PIROT_CALLS:
        call = _upsert(
            OpenCall,
            slug,
            {
                **_t("title", titles),
                **_t("description", PIROT_CALL_DESCRIPTION),
                **_t("eligibility", PIROT_CALL_ELIGIBILITY),
                "project": pirot_project,
                "opens_on": None,
                "closes_on": pirot_project.ends_on,
                "url": "https://www.reintegracija.net",
                "translation_review": _review_state(titles),
            },
        )
        call.municipalities.set([municipalities["pirot"]])
    return {
        model.__name__: model.objects.count()
        for model in (District, Municipality, Category, Organization, Service, Project,
                      ProjectIndicator, OpenCall)
    }  # fmt: skip


def _upsert(model, slug, values, key="slug"):
    """Create the row, or update it only where the demo text differs.

    Unchanged rows are not saved again, so a second load writes nothing: no new history
    entries, no new versions.
    """
    return upsert_changed(model, {key: slug}, values)


def _organization_for(kind, municipality, is_city, national):
    scope, *details = kind["organization"]
    if scope == "national":
        return national[details[0]]
    org_kind, names = details
    administration, administration_en = ADMINISTRATION_NAMES[is_city]
    filled = {
        code: text.format(
            m=municipality.name_sr_latn,
            administration=administration,
            administration_en=administration_en,
        )
        for code, text in names.items()
    }
    return _upsert(
        Organization,
        _slugify(filled["sr-latn"]),
        {**_t("name", filled), "kind": org_kind, "municipality": municipality,
         "translation_review": _review_state(filled)},
    )  # fmt: skip


def _service(*, slug, organization, municipality, texts, categories):
    translated = {field: texts[field] for field in ("name", "description", "documents")
                  if field in texts}  # fmt: skip
    values = {
        "organization": organization,
        "municipality": municipality,
        "translation_review": _review_state(*translated.values()),
    }
    for field, field_texts in translated.items():
        values.update(_t(field, field_texts))
    service = _upsert(Service, slug, values)
    service.categories.set(categories)
    return service


def _project(data, municipalities):
    project = _upsert(
        Project,
        data["slug"],
        {
            **_t("title", data["title"]),
            **_t("summary", data["summary"]),
            **_t("description", data.get("description", {})),
            **_t("implementers", data["implementers"]),
            **_t("funders", data["funders"]),
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "period_precision": data["period_precision"],
            "budget": data["budget"],
            "currency": "EUR",
            "website": data.get("website", ""),
            "contact": data["contact"],
            "source": data["source"],
            "translation_review": _review_state(data["title"]),
        },
    )
    project.municipalities.set([municipalities[slug] for slug in data["municipalities"]])
    # An indicator is known by its project and position, so a second load updates in place.
    for order, (value, labels) in enumerate(data["indicators"], start=1):
        upsert_changed(
            ProjectIndicator,
            {"project": project, "order": order},
            {"value": Decimal(value), **_t("label", labels),
             "translation_review": _review_state(labels)},
        )  # fmt: skip
    project.indicators.filter(order__gt=len(data["indicators"])).delete()
    return project


def _slugify(text):
    # slugify() drops "đ", which has no ASCII decomposition.
    return slugify(text.replace("đ", "dj").replace("Đ", "Dj"))
