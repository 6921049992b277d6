"""The association's program areas, their boards and the demo accounts, for `seed_demo`.

Names are given per language; a language left out falls back to English on the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# (slug, {language: name}, {language: description})
PROGRAM_AREAS: list[tuple[str, dict[str, str], dict[str, str]]] = [
    (
        "animal-abuse-prosecution",
        {
            "en": "Animal Abuse Prosecution",
            "es": "Persecución del maltrato animal",
            "fr": "Poursuite de la maltraitance animale",
            "pt": "Repressão aos maus-tratos a animais",
            "de": "Verfolgung von Tierquälerei",
        },
        {
            "en": "Investigating and charging cruelty, neglect and animal fighting.",
            "es": "Investigación y acusación de la crueldad, el abandono y las peleas de animales.",
            "fr": "Enquêtes et poursuites en matière de cruauté, de négligence et de combats d'animaux.",
        },
    ),
    (
        "child-abuse-prosecution",
        {
            "en": "Child Abuse Prosecution",
            "es": "Persecución del abuso infantil",
            "fr": "Poursuite de la maltraitance des enfants",
            "pt": "Repressão ao abuso infantil",
            "de": "Verfolgung von Kindesmissbrauch",
        },
        {
            "en": "Forensic interviews, child witnesses and multidisciplinary teams.",
            "es": "Entrevistas forenses, testigos menores de edad y equipos multidisciplinarios.",
            "fr": "Auditions filmées, enfants témoins et équipes pluridisciplinaires.",
        },
    ),
    (
        "gun-violence-reduction",
        {
            "en": "Gun Violence Reduction",
            "es": "Reducción de la violencia armada",
            "fr": "Réduction de la violence armée",
            "pt": "Redução da violência armada",
            "de": "Verringerung von Waffengewalt",
        },
        {
            "en": "Strategies against firearm crime, trafficking and repeat shooters.",
            "es": "Estrategias contra los delitos con armas de fuego, el tráfico y los tiradores reincidentes.",
            "fr": "Stratégies contre la criminalité armée, les trafics et les tireurs récidivistes.",
        },
    ),
    (
        "high-performance-prosecution",
        {
            "en": "High Performance Prosecution",
            "es": "Fiscalía de alto rendimiento",
            "fr": "Poursuites à haute performance",
            "pt": "Promotoria de alto desempenho",
            "de": "Hochleistungsstrafverfolgung",
        },
        {
            "en": "Leadership, office management and measuring what a prosecutor's office achieves.",
            "es": "Liderazgo, gestión de la fiscalía y medición de sus resultados.",
            "fr": "Direction, gestion du parquet et mesure de ses résultats.",
        },
    ),
    (
        "juvenile-justice",
        {
            "en": "Juvenile Justice",
            "es": "Justicia juvenil",
            "fr": "Justice des mineurs",
            "pt": "Justiça juvenil",
            "de": "Jugendstrafrecht",
        },
        {
            "en": "Young people in the justice system: charging, diversion and rehabilitation.",
            "es": "Jóvenes en el sistema de justicia: acusación, desvío y rehabilitación.",
            "fr": "Les jeunes face à la justice : poursuites, alternatives et réinsertion.",
        },
    ),
    (
        "major-county-prosecution-council",
        {
            "en": "Major County Prosecution Council",
            "es": "Consejo de Fiscalías de Grandes Condados",
            "fr": "Conseil des parquets des grands comtés",
            "pt": "Conselho de Promotorias dos Grandes Condados",
            "de": "Rat der Staatsanwaltschaften großer Bezirke",
        },
        {
            "en": "Chief prosecutors of the largest jurisdictions compare notes.",
            "es": "Los fiscales jefes de las jurisdicciones más grandes comparten experiencias.",
            "fr": "Les procureurs en chef des plus grandes juridictions échangent leurs expériences.",
        },
    ),
    (
        "peace-officer-use-of-force",
        {
            "en": "Peace Officer Use of Force",
            "es": "Uso de la fuerza por agentes del orden",
            "fr": "Usage de la force par les agents de la paix",
            "pt": "Uso da força por agentes policiais",
            "de": "Gewaltanwendung durch Polizeibeamte",
        },
        {
            "en": "Reviewing and prosecuting cases where officers used force.",
            "es": "Revisión y acusación de casos en los que agentes hicieron uso de la fuerza.",
            "fr": "Examen et poursuite des affaires où des agents ont fait usage de la force.",
        },
    ),
    (
        "prosecutor-led-diversion",
        {
            "en": "Prosecutor-Led Diversion",
            "es": "Desvío dirigido por la fiscalía",
            "fr": "Déjudiciarisation menée par le parquet",
            "pt": "Desvio conduzido pelo Ministério Público",
            "de": "Von der Staatsanwaltschaft geleitete Diversion",
        },
        {
            "en": "Programs that resolve cases outside of trial, and what they achieve.",
            "es": "Programas que resuelven casos fuera del juicio y sus resultados.",
            "fr": "Les programmes qui règlent les affaires hors procès, et leurs résultats.",
        },
    ),
    (
        "safety-and-justice",
        {
            "en": "Safety & Justice",
            "es": "Seguridad y justicia",
            "fr": "Sécurité et justice",
            "pt": "Segurança e justiça",
            "de": "Sicherheit und Justiz",
        },
        {
            "en": "Community safety and fair outcomes, together.",
            "es": "Seguridad comunitaria y resultados justos, de la mano.",
            "fr": "Sécurité publique et décisions équitables, ensemble.",
        },
    ),
    (
        "smart-prosecution",
        {
            "en": "Smart Prosecution",
            "es": "Fiscalía inteligente",
            "fr": "Poursuites intelligentes",
            "pt": "Promotoria inteligente",
            "de": "Intelligente Strafverfolgung",
        },
        {
            "en": "Data, research partners and evidence-based prosecution.",
            "es": "Datos, socios de investigación y persecución basada en la evidencia.",
            "fr": "Données, partenaires de recherche et poursuites fondées sur les faits.",
        },
    ),
    (
        "violence-against-women-reduction",
        {
            "en": "Violence Against Women Reduction",
            "es": "Reducción de la violencia contra las mujeres",
            "fr": "Réduction des violences faites aux femmes",
            "pt": "Redução da violência contra as mulheres",
            "de": "Verringerung von Gewalt gegen Frauen",
        },
        {
            "en": "Domestic violence, sexual assault, stalking and trafficking cases.",
            "es": "Casos de violencia doméstica, agresión sexual, acoso y trata.",
            "fr": "Violences conjugales, agressions sexuelles, harcèlement et traite.",
        },
    ),
    (
        "victims-rights",
        {
            "en": "Victims' Rights",
            "es": "Derechos de las víctimas",
            "fr": "Droits des victimes",
            "pt": "Direitos das vítimas",
            "de": "Opferrechte",
        },
        {
            "en": "Informing, protecting and hearing victims at every stage of a case.",
            "es": "Informar, proteger y escuchar a las víctimas en cada etapa del proceso.",
            "fr": "Informer, protéger et entendre les victimes à chaque étape de la procédure.",
        },
    ),
]

# (slug, visibility, {language: name}, {language: description}); every area gets these.
STANDARD_BOARDS: list[tuple[str, str, dict[str, str], dict[str, str]]] = [
    (
        "general",
        "public",
        {
            "en": "General discussion",
            "es": "Debate general",
            "fr": "Discussion générale",
            "pt": "Discussão geral",
            "de": "Allgemeine Diskussion",
        },
        {
            "en": "Questions, news and introductions.",
            "es": "Preguntas, noticias y presentaciones.",
            "fr": "Questions, actualités et présentations.",
        },
    ),
    (
        "case-law-and-practice",
        "members",
        {
            "en": "Case law and practice",
            "es": "Jurisprudencia y práctica",
            "fr": "Jurisprudence et pratique",
            "pt": "Jurisprudência e prática",
            "de": "Rechtsprechung und Praxis",
        },
        {
            "en": "Charging decisions, motions and trial practice, among verified prosecutors.",
            "es": "Decisiones de acusación, escritos y práctica en juicio, entre fiscales verificados.",
            "fr": "Décisions de poursuite, requêtes et pratique du procès, entre procureurs vérifiés.",
        },
    ),
    (
        "resources-and-training",
        "public",
        {
            "en": "Resources and training",
            "es": "Recursos y formación",
            "fr": "Ressources et formation",
            "pt": "Recursos e formação",
            "de": "Materialien und Fortbildung",
        },
        {
            "en": "Publications, webinars and training materials worth sharing.",
            "es": "Publicaciones, seminarios web y materiales de formación para compartir.",
            "fr": "Publications, webinaires et supports de formation à partager.",
        },
    ),
]

COUNCIL_GROUP = "Major County Prosecution Council"

# Boards only some areas have: (area slug, slug, visibility, group, names, descriptions).
EXTRA_BOARDS = [
    (
        "major-county-prosecution-council",
        "council-members",
        "groups",
        COUNCIL_GROUP,
        {
            "en": "Council members",
            "es": "Miembros del Consejo",
            "fr": "Membres du Conseil",
            "pt": "Membros do Conselho",
            "de": "Ratsmitglieder",
        },
        {
            "en": "Closed board for the chief prosecutors who sit on the Council.",
            "es": "Foro cerrado para los fiscales jefes que integran el Consejo.",
            "fr": "Forum fermé réservé aux procureurs en chef membres du Conseil.",
        },
    ),
]

MODERATORS_GROUP = "Forum moderators"
EDITORS_GROUP = "Editors"  # created by Wagtail's own migrations, with admin access
REVIEWERS_GROUP = "Reviewers"  # created with the review workflow (cms migration 0002)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    email: str
    password: str
    role: str
    display_name: str = ""
    organization: str = ""
    country: str = ""
    groups: tuple[str, ...] = field(default=())
    is_staff: bool = False
    is_superuser: bool = False
    moderates: tuple[str, ...] = field(default=())  # program area slugs (an area moderator)
    languages: tuple[str, ...] = field(default=())
    verified: bool = True


# Fixed, printed passwords: these accounts exist only on demo sites (seed_demo refuses to run
# with DJANGO_ENV=production).
DEMO_ACCOUNTS = [
    DemoAccount(
        "member",
        "member@example.org",
        "member-demo-pass",
        "member",
        display_name="Ana Morales",
        organization="Office of the District Attorney",
        country="United States",
    ),
    DemoAccount(
        "moderator",
        "moderator@example.org",
        "moderator-demo-pass",
        "moderator",
        display_name="Claire Dubois",
        organization="Parquet de Lyon",
        country="France",
        groups=(MODERATORS_GROUP, COUNCIL_GROUP),
    ),
    DemoAccount(
        "areamod",
        "areamod@example.org",
        "areamod-demo-pass",
        "area moderator (Victims' Rights, Spanish)",
        display_name="Lucía Fernández",
        organization="Fiscalía Provincial de Sevilla",
        country="Spain",
        moderates=("victims-rights",),
        languages=("es",),
    ),
    DemoAccount(
        "applicant",
        "applicant@example.org",
        "applicant-demo-pass",
        "member waiting for verification",
        display_name="João Pereira",
        organization="Ministério Público",
        country="Portugal",
        verified=False,
    ),
    DemoAccount(
        "editor",
        "editor@example.org",
        "editor-demo-pass",
        "editor",
        display_name="Sam Editor",
        organization="The association",
        groups=(EDITORS_GROUP,),
    ),
    DemoAccount(
        "reviewer",
        "reviewer@example.org",
        "reviewer-demo-pass",
        "reviewer (approves pages)",
        display_name="Ana Reviewer",
        organization="The association",
        groups=(REVIEWERS_GROUP,),
    ),
    DemoAccount(
        "admin",
        "admin@example.org",
        "admin-demo-pass",
        "administrator",
        display_name="Site administrator",
        organization="The association",
        is_staff=True,
        is_superuser=True,
    ),
]


# Threads started by the demo accounts: (area slug, board slug, author, title, body, replies)
DEMO_THREADS = [
    (
        "juvenile-justice",
        "general",
        "member",
        "Diversion criteria for first-time juvenile offenders",
        "Our office is revising its **diversion criteria** for first-time juvenile offenders.\n\n"
        "Which factors do you weigh most?\n\n- seriousness of the offence\n- prior contacts\n"
        "- the victim's view\n\nAny published guidelines would be welcome.",
        [
            (
                "moderator",
                "We publish ours every year; the victim's view carries real weight, "
                "but it is never a veto. I can share the latest version in *Resources and training*.",
            ),
        ],
    ),
    (
        "victims-rights",
        "general",
        "moderator",
        "Welcome to the Victims' Rights board",
        "This board is for questions about **informing, protecting and hearing victims** at every "
        "stage of a case. Please do not post identifying details of open cases.",
        [],
    ),
]
