"""Demo text for the CMS pages that `seed_demo` creates, in English, Spanish and French.

Plain data only: every text value is a dict keyed by language code ("en", "es", "fr"); `body`
values are lists of plain-text paragraphs. The program pages follow the program areas in
`forum/demo.py` (same slugs, same order), and their titles reuse the area names given there.
Slugs are lowercase ASCII without accents. Event and publication dates are relative to the day
the demo is seeded (`starts_in_days`, `published_days_ago`). Speakers are fictional.
"""

from __future__ import annotations

# The association's home page: title, introduction and three pillars.
HOME = {
    "title": {
        "en": "Prosecutors' Exchange",
        "es": "Intercambio de Fiscales",
        "fr": "Échange entre procureurs",
    },
    "intro": {
        "en": (
            "Prosecutors' Exchange is a peer-exchange network that connects prosecutors from many "
            "countries. Members learn from one another across twelve program areas, from child "
            "abuse prosecution to data-driven practice, sharing what works in their offices and "
            "what they are still working out. The association organises training, discussion and "
            "research so that good practice travels across borders and languages."
        ),
        "es": (
            "Intercambio de Fiscales es una red de intercambio entre pares que conecta a fiscales "
            "de numerosos países. Sus miembros aprenden unos de otros en doce áreas de programa, "
            "desde la persecución del abuso infantil hasta la práctica basada en datos, y "
            "comparten lo que funciona en sus fiscalías y lo que aún están resolviendo. La "
            "asociación organiza formación, debates e investigación para que las buenas prácticas "
            "crucen fronteras e idiomas."
        ),
        "fr": (
            "Échange entre procureurs est un réseau d'échange entre pairs qui rassemble des "
            "procureurs de nombreux pays. Ses membres apprennent les uns des autres dans douze "
            "domaines de programme, de la poursuite de la maltraitance des enfants aux pratiques "
            "fondées sur les données, et partagent ce qui fonctionne dans leurs parquets comme les "
            "questions encore ouvertes. L'association organise des formations, des discussions et "
            "des travaux de recherche pour que les bonnes pratiques circulent par-delà les "
            "frontières et les langues."
        ),
    },
    "pillars": [
        {
            "heading": {
                "en": "Training and technical assistance",
                "es": "Formación y asistencia técnica",
                "fr": "Formation et assistance technique",
            },
            "text": {
                "en": (
                    "Webinars, conferences and on-site assistance built around the questions "
                    "prosecutors bring to us. Sessions are led by practitioners and adapted to "
                    "different legal systems."
                ),
                "es": (
                    "Seminarios web, conferencias y asistencia sobre el terreno, diseñados a "
                    "partir de las preguntas que nos plantean los fiscales. Las sesiones las "
                    "dirigen profesionales en ejercicio y se adaptan a distintos sistemas "
                    "jurídicos."
                ),
                "fr": (
                    "Webinaires, conférences et assistance sur place, conçus à partir des "
                    "questions que nous posent les procureurs. Les sessions sont animées par des "
                    "praticiens et adaptées aux différents systèmes juridiques."
                ),
            },
        },
        {
            "heading": {
                "en": "Peer exchange",
                "es": "Intercambio entre pares",
                "fr": "Échange entre pairs",
            },
            "text": {
                "en": (
                    "Moderated forums for each program area, where members compare charging "
                    "decisions, policies and lessons learned. Some boards are open to the public; "
                    "others are reserved for verified prosecutors."
                ),
                "es": (
                    "Foros moderados para cada área de programa, donde los miembros comparan "
                    "decisiones de acusación, políticas y lecciones aprendidas. Algunos foros "
                    "están abiertos al público; otros están reservados a fiscales verificados."
                ),
                "fr": (
                    "Des forums modérés pour chaque domaine de programme, où les membres comparent "
                    "décisions de poursuite, politiques et enseignements tirés. Certains forums "
                    "sont ouverts au public ; d'autres sont réservés aux procureurs vérifiés."
                ),
            },
        },
        {
            "heading": {
                "en": "Research and resources",
                "es": "Investigación y recursos",
                "fr": "Recherche et ressources",
            },
            "text": {
                "en": (
                    "Practice guides, model policies and research summaries written with and for "
                    "prosecutors. Everything is free to download and available in several "
                    "languages."
                ),
                "es": (
                    "Guías prácticas, políticas modelo y resúmenes de investigación elaborados con "
                    "y para fiscales. Todo puede descargarse gratuitamente y está disponible en "
                    "varios idiomas."
                ),
                "fr": (
                    "Guides pratiques, politiques types et synthèses de recherche rédigés avec et "
                    "pour les procureurs. Tout est téléchargeable gratuitement et disponible en "
                    "plusieurs langues."
                ),
            },
        },
    ],
}

# The index page that lists the program areas.
PROGRAM_INDEX = {
    "title": {"en": "Programs", "es": "Programas", "fr": "Programmes"},
    "slug": {"en": "programs", "es": "programas", "fr": "programmes"},
    "intro": {
        "en": "Twelve program areas, each with its own forums, events and resources.",
        "es": "Doce áreas de programa, cada una con sus propios foros, eventos y recursos.",
        "fr": (
            "Douze domaines de programme, chacun avec ses forums, ses événements et ses ressources."
        ),
    },
}

# One page per program area, in the order of forum/demo.PROGRAM_AREAS.
PROGRAMS = [
    {
        "area": "animal-abuse-prosecution",
        "title": {
            "en": "Animal Abuse Prosecution",
            "es": "Persecución del maltrato animal",
            "fr": "Poursuite de la maltraitance animale",
        },
        "slug": {
            "en": "animal-abuse-prosecution",
            "es": "persecucion-del-maltrato-animal",
            "fr": "poursuite-de-la-maltraitance-animale",
        },
        "intro": {
            "en": (
                "Helping prosecutors investigate and try cases of animal cruelty, neglect and "
                "organised animal fighting."
            ),
            "es": (
                "Apoyo a los fiscales en la investigación y el enjuiciamiento de casos de "
                "crueldad, abandono y peleas organizadas de animales."
            ),
            "fr": (
                "Aider les procureurs à enquêter sur les affaires de cruauté, de négligence et de "
                "combats d'animaux organisés, et à les porter devant les tribunaux."
            ),
        },
        "body": {
            "en": [
                (
                    "Animal cruelty cases are often the first sign of wider violence in a "
                    "household or community, yet many offices handle them only occasionally. This "
                    "program supports prosecutors who take on cruelty, neglect, hoarding and "
                    "animal fighting cases, from the first search warrant to sentencing."
                ),
                (
                    "Members exchange charging decisions, sample motions and approaches to "
                    "veterinary forensic evidence, and discuss how to care for seized animals "
                    "while a case is pending. The program also connects prosecutors with "
                    "veterinarians, animal control officers and humane investigators who can "
                    "support a prosecution."
                ),
                (
                    "Because the link between animal abuse and domestic violence is well "
                    "documented, the program works closely with colleagues who handle child "
                    "protection and violence against women cases."
                ),
            ],
            "es": [
                (
                    "Los casos de crueldad animal suelen ser la primera señal de una violencia más "
                    "amplia en un hogar o una comunidad, pero muchas fiscalías solo los tramitan "
                    "de forma ocasional. Este programa acompaña a los fiscales que se ocupan de "
                    "casos de crueldad, abandono, acumulación y peleas de animales, desde la "
                    "primera orden de registro hasta la sentencia."
                ),
                (
                    "Los miembros intercambian decisiones de acusación, modelos de escritos y "
                    "enfoques sobre la prueba forense veterinaria, y debaten cómo garantizar el "
                    "cuidado de los animales incautados mientras el caso está pendiente. El "
                    "programa también pone en contacto a los fiscales con veterinarios, agentes de "
                    "control animal e inspectores de protección animal que pueden apoyar la "
                    "acusación."
                ),
                (
                    "Dado que el vínculo entre el maltrato animal y la violencia doméstica está "
                    "bien documentado, el programa colabora estrechamente con los colegas que "
                    "trabajan en casos de protección de la infancia y de violencia contra las "
                    "mujeres."
                ),
            ],
            "fr": [
                (
                    "Les affaires de cruauté envers les animaux sont souvent le premier signe "
                    "d'une violence plus large au sein d'un foyer ou d'une communauté, mais de "
                    "nombreux parquets n'en traitent qu'occasionnellement. Ce programme accompagne "
                    "les procureurs chargés d'affaires de cruauté, de négligence, d'accumulation "
                    "d'animaux et de combats d'animaux, de la première perquisition jusqu'au "
                    "prononcé de la peine."
                ),
                (
                    "Les membres échangent des décisions de poursuite, des modèles de réquisitions "
                    "et des approches de la preuve médico-légale vétérinaire, et discutent de la "
                    "prise en charge des animaux saisis pendant la procédure. Le programme met "
                    "également les procureurs en relation avec des vétérinaires, des agents de "
                    "contrôle animalier et des enquêteurs de protection animale en mesure "
                    "d'appuyer les poursuites."
                ),
                (
                    "Le lien entre maltraitance animale et violences intrafamiliales étant bien "
                    "établi, le programme travaille en étroite collaboration avec les collègues "
                    "chargés de la protection de l'enfance et des violences faites aux femmes."
                ),
            ],
        },
    },
    {
        "area": "child-abuse-prosecution",
        "title": {
            "en": "Child Abuse Prosecution",
            "es": "Persecución del abuso infantil",
            "fr": "Poursuite de la maltraitance des enfants",
        },
        "slug": {
            "en": "child-abuse-prosecution",
            "es": "persecucion-del-abuso-infantil",
            "fr": "poursuite-de-la-maltraitance-des-enfants",
        },
        "intro": {
            "en": (
                "Supporting prosecutors who handle the physical and sexual abuse of children, with "
                "a focus on child-centred practice."
            ),
            "es": (
                "Apoyo a los fiscales que tramitan casos de abuso físico y sexual de menores, con "
                "un enfoque centrado en el niño."
            ),
            "fr": (
                "Soutenir les procureurs chargés des violences physiques et sexuelles sur mineurs, "
                "dans une approche centrée sur l'enfant."
            ),
        },
        "body": {
            "en": [
                (
                    "Cases of child physical and sexual abuse, neglect and online exploitation "
                    "demand both legal skill and great care for the children involved. This "
                    "program serves prosecutors, investigators and child advocacy professionals "
                    "who work these cases, whether they handle one a year or lead a specialised "
                    "unit."
                ),
                (
                    "Members share practice on forensic interviews, the testimony of child "
                    "witnesses, the use of medical evidence and expert witnesses, and the "
                    "protections courts can put in place for young victims. Particular attention "
                    "goes to multidisciplinary teams, in which prosecutors, police, child "
                    "protection services and health professionals coordinate so that a child has "
                    "to tell their story as few times as possible."
                ),
            ],
            "es": [
                (
                    "Los casos de abuso físico y sexual de menores, de negligencia y de "
                    "explotación en línea exigen a la vez competencia jurídica y un gran cuidado "
                    "hacia los niños y niñas afectados. Este programa está dirigido a fiscales, "
                    "investigadores y profesionales de la protección de la infancia que trabajan "
                    "en estos casos, tanto si tramitan uno al año como si dirigen una unidad "
                    "especializada."
                ),
                (
                    "Los miembros comparten prácticas sobre entrevistas forenses, el testimonio de "
                    "testigos menores de edad, el uso de pruebas médicas y periciales, y las "
                    "medidas de protección que los tribunales pueden adoptar para las víctimas más "
                    "jóvenes. Se presta especial atención a los equipos multidisciplinarios, en "
                    "los que fiscalía, policía, servicios de protección de la infancia y "
                    "profesionales de la salud se coordinan para que el niño tenga que relatar lo "
                    "ocurrido el menor número de veces posible."
                ),
            ],
            "fr": [
                (
                    "Les affaires de violences physiques et sexuelles sur mineurs, de négligence "
                    "et d'exploitation en ligne exigent à la fois une grande rigueur juridique et "
                    "une attention particulière aux enfants concernés. Ce programme s'adresse aux "
                    "procureurs, aux enquêteurs et aux professionnels de la protection de "
                    "l'enfance qui traitent ces dossiers, qu'ils en voient un par an ou dirigent "
                    "une unité spécialisée."
                ),
                (
                    "Les membres partagent leurs pratiques en matière d'auditions filmées, de "
                    "témoignage des enfants, de preuves médicales et d'expertises, ainsi que sur "
                    "les mesures de protection que les juridictions peuvent accorder aux jeunes "
                    "victimes. Une attention particulière est portée aux équipes "
                    "pluridisciplinaires, au sein desquelles parquet, police, services de "
                    "protection de l'enfance et professionnels de santé se coordonnent pour que "
                    "l'enfant ait à raconter les faits le moins de fois possible."
                ),
            ],
        },
    },
    {
        "area": "gun-violence-reduction",
        "title": {
            "en": "Gun Violence Reduction",
            "es": "Reducción de la violencia armada",
            "fr": "Réduction de la violence armée",
        },
        "slug": {
            "en": "gun-violence-reduction",
            "es": "reduccion-de-la-violencia-armada",
            "fr": "reduction-de-la-violence-armee",
        },
        "intro": {
            "en": (
                "Strategies that help prosecutors reduce shootings, disrupt firearm trafficking "
                "and focus on the few people driving most of the violence."
            ),
            "es": (
                "Estrategias que ayudan a los fiscales a reducir los tiroteos, desarticular el "
                "tráfico de armas y centrarse en las pocas personas que generan la mayor parte de "
                "la violencia."
            ),
            "fr": (
                "Des stratégies pour aider les procureurs à réduire les fusillades, démanteler les "
                "trafics d'armes et cibler les quelques personnes à l'origine de l'essentiel des "
                "violences."
            ),
        },
        "body": {
            "en": [
                (
                    "In most communities, a small number of people and places account for a large "
                    "share of gun violence. This program helps prosecutors act on that knowledge: "
                    "prioritising cases against repeat shooters and illegal suppliers, while "
                    "supporting the prevention and intervention work that keeps others from "
                    "picking up a gun."
                ),
                (
                    "Members exchange approaches to firearm tracing and ballistic evidence, "
                    "illegal trafficking and straw purchases, protective orders that remove "
                    "firearms from people who pose a danger, and partnerships with police and "
                    "community violence intervention programs. The program serves line "
                    "prosecutors, unit chiefs and policy staff in offices of every size."
                ),
            ],
            "es": [
                (
                    "En la mayoría de las comunidades, un número reducido de personas y lugares "
                    "concentra gran parte de la violencia armada. Este programa ayuda a los "
                    "fiscales a aprovechar ese conocimiento: dar prioridad a los casos contra "
                    "tiradores reincidentes y proveedores ilegales y, al mismo tiempo, apoyar la "
                    "labor de prevención e intervención que evita que otras personas recurran a un "
                    "arma."
                ),
                (
                    "Los miembros intercambian enfoques sobre el rastreo de armas de fuego y la "
                    "prueba balística, el tráfico ilegal y las compras mediante testaferros, las "
                    "órdenes de protección que retiran las armas a personas peligrosas, y las "
                    "alianzas con la policía y con los programas comunitarios de intervención "
                    "contra la violencia. El programa está dirigido a fiscales de primera línea, "
                    "jefes de unidad y equipos de políticas públicas de fiscalías de todos los "
                    "tamaños."
                ),
            ],
            "fr": [
                (
                    "Dans la plupart des collectivités, un petit nombre de personnes et de lieux "
                    "concentre une large part de la violence armée. Ce programme aide les "
                    "procureurs à tirer parti de ce constat : donner la priorité aux poursuites "
                    "contre les tireurs récidivistes et les fournisseurs illégaux, tout en "
                    "soutenant les actions de prévention et d'intervention qui empêchent d'autres "
                    "personnes de prendre une arme."
                ),
                (
                    "Les membres échangent sur le traçage des armes à feu et la preuve balistique, "
                    "les trafics et les achats par prête-nom, les ordonnances de protection qui "
                    "retirent les armes aux personnes dangereuses, ainsi que sur les partenariats "
                    "avec la police et les programmes communautaires de prévention de la violence. "
                    "Le programme s'adresse aux procureurs de terrain, aux chefs de section et aux "
                    "équipes chargées des politiques pénales, dans des parquets de toutes tailles."
                ),
            ],
        },
    },
    {
        "area": "high-performance-prosecution",
        "title": {
            "en": "High Performance Prosecution",
            "es": "Fiscalía de alto rendimiento",
            "fr": "Poursuites à haute performance",
        },
        "slug": {
            "en": "high-performance-prosecution",
            "es": "fiscalia-de-alto-rendimiento",
            "fr": "poursuites-a-haute-performance",
        },
        "intro": {
            "en": (
                "Leadership and management practice for prosecutors who run offices, units and "
                "teams."
            ),
            "es": (
                "Prácticas de liderazgo y gestión para los fiscales que dirigen fiscalías, "
                "unidades y equipos."
            ),
            "fr": (
                "Pratiques de direction et de gestion pour les procureurs qui dirigent des "
                "parquets, des sections et des équipes."
            ),
        },
        "body": {
            "en": [
                (
                    "A prosecutor's office is also an organisation, with budgets, caseloads, staff "
                    "to recruit and keep, and a public to answer to. This program brings together "
                    "elected and appointed chief prosecutors, their deputies and office managers "
                    "who want to run their offices well and to show what they achieve."
                ),
                (
                    "Members compare how they set priorities and measure results, from case "
                    "processing times to victim satisfaction and community trust. They share "
                    "practical tools for strategic planning, workload management, staff well-being "
                    "and leadership development, and discuss how to report performance honestly to "
                    "funders and the public."
                ),
            ],
            "es": [
                (
                    "Una fiscalía es también una organización, con presupuestos, cargas de "
                    "trabajo, personal que contratar y retener, y una ciudadanía ante la que "
                    "rendir cuentas. Este programa reúne a fiscales jefes, electos o designados, a "
                    "sus adjuntos y a los responsables de gestión que quieren dirigir bien su "
                    "fiscalía y demostrar sus resultados."
                ),
                (
                    "Los miembros comparan cómo fijan prioridades y miden resultados, desde los "
                    "plazos de tramitación de los casos hasta la satisfacción de las víctimas y la "
                    "confianza de la comunidad. Comparten herramientas prácticas de planificación "
                    "estratégica, gestión de la carga de trabajo, bienestar del personal y "
                    "desarrollo del liderazgo, y debaten cómo informar con transparencia a los "
                    "financiadores y al público."
                ),
            ],
            "fr": [
                (
                    "Un parquet est aussi une organisation, avec des budgets, des volumes "
                    "d'affaires, du personnel à recruter et à fidéliser, et un public à qui rendre "
                    "des comptes. Ce programme réunit des procureurs en chef, élus ou nommés, "
                    "leurs adjoints et les responsables administratifs qui souhaitent bien diriger "
                    "leur parquet et rendre compte de ses résultats."
                ),
                (
                    "Les membres comparent la manière dont ils fixent leurs priorités et mesurent "
                    "leurs résultats, des délais de traitement des affaires à la satisfaction des "
                    "victimes et à la confiance du public. Ils partagent des outils concrets de "
                    "planification stratégique, de gestion de la charge de travail, de bien-être "
                    "au travail et de développement du leadership, et discutent de la façon de "
                    "présenter leurs résultats avec honnêteté aux financeurs et aux citoyens."
                ),
            ],
        },
    },
    {
        "area": "juvenile-justice",
        "title": {"en": "Juvenile Justice", "es": "Justicia juvenil", "fr": "Justice des mineurs"},
        "slug": {"en": "juvenile-justice", "es": "justicia-juvenil", "fr": "justice-des-mineurs"},
        "intro": {
            "en": (
                "Handling cases involving young people in ways that protect the public and give "
                "them a real chance to change course."
            ),
            "es": (
                "Tramitar los casos en los que están implicados jóvenes de forma que se proteja a "
                "la sociedad y se les dé una oportunidad real de cambiar de rumbo."
            ),
            "fr": (
                "Traiter les affaires impliquant des jeunes de manière à protéger la société tout "
                "en leur donnant une réelle chance de changer de trajectoire."
            ),
        },
        "body": {
            "en": [
                (
                    "Young people who come into contact with the justice system are still "
                    "developing, and the decisions prosecutors make about them can shape the rest "
                    "of their lives. This program supports prosecutors who handle juvenile cases, "
                    "from minor first offences to serious violent crime, and, where the law allows "
                    "it, those who decide whether a young person should be tried as an adult."
                ),
                (
                    "Members exchange practice on charging and diversion for minors, restorative "
                    "approaches, school-related cases, young people with trauma or mental health "
                    "needs, and cooperation with families, schools and youth services. The program "
                    "also follows research on adolescent development and what it means for "
                    "accountability and sentencing."
                ),
            ],
            "es": [
                (
                    "Los jóvenes que entran en contacto con el sistema de justicia todavía están "
                    "en pleno desarrollo, y las decisiones que toman los fiscales sobre ellos "
                    "pueden marcar el resto de su vida. Este programa apoya a los fiscales que "
                    "tramitan casos de menores, desde primeras infracciones leves hasta delitos "
                    "violentos graves, así como, allí donde la ley lo permite, a quienes deciden "
                    "si un joven debe ser juzgado como adulto."
                ),
                (
                    "Los miembros intercambian prácticas sobre la acusación y el desvío de "
                    "menores, los enfoques restaurativos, los casos vinculados a la escuela, la "
                    "atención a jóvenes con traumas o necesidades de salud mental, y la "
                    "cooperación con las familias, los centros educativos y los servicios de "
                    "juventud. El programa también sigue la investigación sobre el desarrollo "
                    "adolescente y sus consecuencias para la rendición de cuentas y la "
                    "determinación de la pena."
                ),
            ],
            "fr": [
                (
                    "Les jeunes qui ont affaire à la justice sont encore en construction, et les "
                    "décisions que prennent les procureurs à leur égard peuvent peser sur le reste "
                    "de leur vie. Ce programme accompagne les procureurs chargés des affaires de "
                    "mineurs, des premières infractions légères aux crimes violents graves, ainsi "
                    "que, là où la loi le permet, ceux qui décident si un jeune doit être jugé "
                    "comme un adulte."
                ),
                (
                    "Les membres échangent sur les poursuites et les mesures alternatives pour les "
                    "mineurs, la justice restaurative, les affaires en milieu scolaire, la prise "
                    "en charge des jeunes souffrant de traumatismes ou de troubles psychiques, et "
                    "la coopération avec les familles, les établissements scolaires et les "
                    "services de la jeunesse. Le programme suit également la recherche sur le "
                    "développement des adolescents et ses conséquences en matière de "
                    "responsabilité et de peine."
                ),
            ],
        },
    },
    {
        "area": "major-county-prosecution-council",
        "title": {
            "en": "Major County Prosecution Council",
            "es": "Consejo de Fiscalías de Grandes Condados",
            "fr": "Conseil des parquets des grands comtés",
        },
        "slug": {
            "en": "major-county-prosecution-council",
            "es": "consejo-de-fiscalias-de-grandes-condados",
            "fr": "conseil-des-parquets-des-grands-comtes",
        },
        "intro": {
            "en": (
                "A council where the chief prosecutors of the largest jurisdictions compare notes "
                "on the problems only big offices face."
            ),
            "es": (
                "Un consejo en el que los fiscales jefes de las jurisdicciones más grandes "
                "comparten experiencias sobre los problemas propios de las grandes fiscalías."
            ),
            "fr": (
                "Un conseil où les procureurs en chef des plus grandes juridictions confrontent "
                "leurs expériences face aux défis propres aux grands parquets."
            ),
        },
        "body": {
            "en": [
                (
                    "Prosecutors who lead the largest offices face problems of a particular scale: "
                    "hundreds of staff, tens of thousands of cases a year, large and diverse "
                    "populations, and intense public and media attention. The Major County "
                    "Prosecution Council gives these chief prosecutors a confidential forum to "
                    "discuss those challenges with peers who face the same ones."
                ),
                (
                    "Council members meet regularly, online and in person, to compare policies on "
                    "charging, bail and sentencing, to share how they manage crises and "
                    "high-profile cases, and to develop common positions on legislation and "
                    "funding. A closed board is reserved for Council members, while the Council's "
                    "public work, including its policy statements and meeting summaries, is shared "
                    "with the whole network."
                ),
            ],
            "es": [
                (
                    "Los fiscales que dirigen las fiscalías más grandes afrontan problemas de una "
                    "escala particular: cientos de empleados, decenas de miles de casos al año, "
                    "poblaciones numerosas y diversas, y una intensa atención pública y mediática. "
                    "El Consejo de Fiscalías de Grandes Condados ofrece a estos fiscales jefes un "
                    "espacio confidencial para debatir esos desafíos con colegas que se enfrentan "
                    "a los mismos."
                ),
                (
                    "Los miembros del Consejo se reúnen periódicamente, en línea y de forma "
                    "presencial, para comparar sus políticas de acusación, libertad provisional y "
                    "penas, compartir cómo gestionan las crisis y los casos de gran repercusión, y "
                    "elaborar posiciones comunes sobre legislación y financiación. Un foro cerrado "
                    "está reservado a los miembros del Consejo, mientras que su labor pública, "
                    "incluidas sus tomas de posición y los resúmenes de sus reuniones, se comparte "
                    "con toda la red."
                ),
            ],
            "fr": [
                (
                    "Les procureurs à la tête des plus grands parquets font face à des difficultés "
                    "d'une ampleur particulière : des centaines d'agents, des dizaines de milliers "
                    "d'affaires par an, des populations nombreuses et diverses, et une forte "
                    "attention du public et des médias. Le Conseil des parquets des grands comtés "
                    "offre à ces procureurs en chef un espace confidentiel pour aborder ces enjeux "
                    "avec des pairs qui connaissent les mêmes."
                ),
                (
                    "Les membres du Conseil se réunissent régulièrement, en ligne et en "
                    "présentiel, pour comparer leurs politiques en matière de poursuites, de "
                    "détention provisoire et de peines, partager leur gestion des crises et des "
                    "affaires très médiatisées, et élaborer des positions communes sur la "
                    "législation et les financements. Un forum fermé est réservé aux membres du "
                    "Conseil, tandis que ses travaux publics, notamment ses prises de position et "
                    "les comptes rendus de ses réunions, sont partagés avec l'ensemble du réseau."
                ),
            ],
        },
    },
    {
        "area": "peace-officer-use-of-force",
        "title": {
            "en": "Peace Officer Use of Force",
            "es": "Uso de la fuerza por agentes del orden",
            "fr": "Usage de la force par les agents de la paix",
        },
        "slug": {
            "en": "peace-officer-use-of-force",
            "es": "uso-de-la-fuerza-por-agentes-del-orden",
            "fr": "usage-de-la-force-par-les-agents-de-la-paix",
        },
        "intro": {
            "en": (
                "Independent, thorough and transparent review of cases in which law enforcement "
                "officers used force."
            ),
            "es": (
                "Revisión independiente, rigurosa y transparente de los casos en los que agentes "
                "del orden hicieron uso de la fuerza."
            ),
            "fr": (
                "Un examen indépendant, rigoureux et transparent des affaires dans lesquelles des "
                "agents des forces de l'ordre ont fait usage de la force."
            ),
        },
        "body": {
            "en": [
                (
                    "Few decisions test public confidence in the justice system as much as whether "
                    "to charge an officer who has injured or killed someone. This program supports "
                    "prosecutors who review police shootings, deaths in custody and other uses of "
                    "force, and who must reach decisions that are legally sound and that the "
                    "community can understand."
                ),
                (
                    "Members exchange protocols for independent investigations, approaches to "
                    "body-worn camera footage and other video evidence, the use of experts on "
                    "police practices, and the legal standards that apply in different "
                    "jurisdictions. They also discuss how to explain decisions to families and the "
                    "public, and how to manage the conflicts of interest that arise when "
                    "prosecutors work alongside the police every day."
                ),
            ],
            "es": [
                (
                    "Pocas decisiones ponen tan a prueba la confianza pública en la justicia como "
                    "la de acusar o no a un agente que ha herido o causado la muerte de una "
                    "persona. Este programa apoya a los fiscales que examinan disparos policiales, "
                    "muertes bajo custodia y otros usos de la fuerza, y que deben adoptar "
                    "decisiones jurídicamente sólidas y comprensibles para la comunidad."
                ),
                (
                    "Los miembros intercambian protocolos de investigación independiente, enfoques "
                    "sobre las grabaciones de cámaras corporales y otras pruebas en vídeo, el "
                    "recurso a peritos en prácticas policiales y los criterios jurídicos "
                    "aplicables en las distintas jurisdicciones. También debaten cómo explicar las "
                    "decisiones a las familias y al público, y cómo gestionar los conflictos de "
                    "intereses que surgen cuando los fiscales trabajan a diario junto a la "
                    "policía."
                ),
            ],
            "fr": [
                (
                    "Peu de décisions mettent autant à l'épreuve la confiance du public dans la "
                    "justice que celle de poursuivre ou non un agent qui a blessé ou tué une "
                    "personne. Ce programme accompagne les procureurs qui examinent les tirs "
                    "policiers, les décès en garde à vue et les autres usages de la force, et qui "
                    "doivent rendre des décisions juridiquement solides et compréhensibles par la "
                    "population."
                ),
                (
                    "Les membres échangent des protocoles d'enquête indépendante, des approches "
                    "des enregistrements de caméras-piétons et autres preuves vidéo, le recours à "
                    "des experts des pratiques policières et les normes juridiques applicables "
                    "selon les juridictions. Ils discutent également de la manière d'expliquer les "
                    "décisions aux familles et au public, et de gérer les conflits d'intérêts qui "
                    "naissent lorsque les procureurs travaillent au quotidien avec la police."
                ),
            ],
        },
    },
    {
        "area": "prosecutor-led-diversion",
        "title": {
            "en": "Prosecutor-Led Diversion",
            "es": "Desvío dirigido por la fiscalía",
            "fr": "Déjudiciarisation menée par le parquet",
        },
        "slug": {
            "en": "prosecutor-led-diversion",
            "es": "desvio-dirigido-por-la-fiscalia",
            "fr": "dejudiciarisation-menee-par-le-parquet",
        },
        "intro": {
            "en": (
                "Designing, running and evaluating programs that resolve suitable cases without a "
                "trial or a conviction."
            ),
            "es": (
                "Diseño, gestión y evaluación de programas que resuelven los casos adecuados sin "
                "juicio ni condena."
            ),
            "fr": (
                "Concevoir, gérer et évaluer des programmes qui règlent les affaires qui s'y "
                "prêtent sans procès ni condamnation."
            ),
        },
        "body": {
            "en": [
                (
                    "Not every case is best resolved in a courtroom. Prosecutor-led diversion "
                    "offers people accused of certain offences a way to take responsibility, "
                    "repair harm and address the causes of their behaviour, in exchange for "
                    "charges being reduced or dropped. This program helps offices build diversion "
                    "programs that are fair, effective and sustainable."
                ),
                (
                    "Members share eligibility criteria, participant agreements, partnerships with "
                    "treatment and social service providers, and ways to track outcomes such as "
                    "completion and reoffending rates. The program serves prosecutors starting a "
                    "first program as well as those running established ones, and pays close "
                    "attention to whether diversion is offered equitably to everyone who "
                    "qualifies."
                ),
            ],
            "es": [
                (
                    "No todos los casos se resuelven mejor en una sala de audiencias. El desvío "
                    "dirigido por la fiscalía ofrece a las personas acusadas de determinados "
                    "delitos la posibilidad de asumir su responsabilidad, reparar el daño y "
                    "abordar las causas de su conducta, a cambio de que se reduzcan o retiren los "
                    "cargos. Este programa ayuda a las fiscalías a crear programas de desvío "
                    "justos, eficaces y sostenibles."
                ),
                (
                    "Los miembros comparten criterios de admisión, modelos de acuerdo con los "
                    "participantes, alianzas con proveedores de tratamiento y servicios sociales, "
                    "y formas de medir resultados como las tasas de finalización y de "
                    "reincidencia. El programa está dirigido tanto a los fiscales que ponen en "
                    "marcha su primer programa como a quienes gestionan programas consolidados, y "
                    "presta especial atención a que el desvío se ofrezca de manera equitativa a "
                    "todas las personas que cumplen los requisitos."
                ),
            ],
            "fr": [
                (
                    "Toutes les affaires ne trouvent pas leur meilleure issue dans une salle "
                    "d'audience. La déjudiciarisation menée par le parquet offre aux personnes "
                    "mises en cause pour certaines infractions la possibilité d'assumer leur "
                    "responsabilité, de réparer le préjudice et de s'attaquer aux causes de leur "
                    "comportement, en échange d'un allègement ou d'un abandon des poursuites. Ce "
                    "programme aide les parquets à mettre en place des dispositifs équitables, "
                    "efficaces et durables."
                ),
                (
                    "Les membres partagent des critères d'éligibilité, des modèles de conventions "
                    "avec les participants, des partenariats avec des services de soins et "
                    "d'accompagnement social, ainsi que des méthodes pour suivre des résultats "
                    "comme les taux d'achèvement et de récidive. Le programme s'adresse aussi bien "
                    "aux procureurs qui lancent un premier dispositif qu'à ceux qui en gèrent "
                    "depuis longtemps, et veille particulièrement à ce que ces mesures soient "
                    "proposées équitablement à toutes les personnes qui y sont éligibles."
                ),
            ],
        },
    },
    {
        "area": "safety-and-justice",
        "title": {
            "en": "Safety & Justice",
            "es": "Seguridad y justicia",
            "fr": "Sécurité et justice",
        },
        "slug": {
            "en": "safety-and-justice",
            "es": "seguridad-y-justicia",
            "fr": "securite-et-justice",
        },
        "intro": {
            "en": (
                "How prosecutors can keep communities safe while making the justice system fairer "
                "for everyone it touches."
            ),
            "es": (
                "Cómo pueden los fiscales mantener la seguridad de las comunidades y, a la vez, "
                "hacer más justo el sistema para todas las personas a las que afecta."
            ),
            "fr": (
                "Comment les procureurs peuvent assurer la sécurité des collectivités tout en "
                "rendant la justice plus équitable pour toutes les personnes qu'elle concerne."
            ),
        },
        "body": {
            "en": [
                (
                    "Public safety and fairness are often presented as competing goals, but "
                    "prosecutors see every day that communities need both. This program brings "
                    "together prosecutors who want to reduce crime while also reducing unnecessary "
                    "incarceration, racial and economic disparities, and the lasting harm that a "
                    "criminal record can cause."
                ),
                (
                    "Members exchange policies on pretrial detention and bail, charging standards "
                    "for low-level offences, conviction integrity reviews, record clearing and "
                    "re-entry support. They also discuss how to build trust with the communities "
                    "most affected by crime and by enforcement, including through community "
                    "advisory boards and the open publication of office data."
                ),
            ],
            "es": [
                (
                    "La seguridad pública y la equidad suelen presentarse como objetivos "
                    "enfrentados, pero los fiscales comprueban a diario que las comunidades "
                    "necesitan ambas. Este programa reúne a fiscales que quieren reducir la "
                    "delincuencia y, al mismo tiempo, el encarcelamiento innecesario, las "
                    "desigualdades raciales y económicas, y el daño duradero que pueden causar los "
                    "antecedentes penales."
                ),
                (
                    "Los miembros intercambian políticas sobre prisión preventiva y fianzas, "
                    "criterios de acusación para delitos menores, revisiones de la integridad de "
                    "las condenas, cancelación de antecedentes y apoyo a la reinserción. También "
                    "debaten cómo generar confianza con las comunidades más afectadas por la "
                    "delincuencia y por la actuación policial, en particular mediante consejos "
                    "consultivos comunitarios y la publicación abierta de los datos de la "
                    "fiscalía."
                ),
            ],
            "fr": [
                (
                    "La sécurité publique et l'équité sont souvent présentées comme des objectifs "
                    "concurrents, mais les procureurs constatent chaque jour que les collectivités "
                    "ont besoin des deux. Ce programme réunit des procureurs qui veulent faire "
                    "reculer la criminalité tout en limitant l'incarcération inutile, les "
                    "disparités raciales et économiques, et les préjudices durables que peut "
                    "entraîner un casier judiciaire."
                ),
                (
                    "Les membres échangent sur les politiques de détention provisoire et de "
                    "caution, les critères de poursuite pour les infractions mineures, le réexamen "
                    "des condamnations contestées, l'effacement des antécédents et "
                    "l'accompagnement à la réinsertion. Ils discutent aussi de la manière de bâtir "
                    "la confiance avec les populations les plus touchées par la criminalité et par "
                    "l'action répressive, notamment grâce à des comités consultatifs citoyens et à "
                    "la publication ouverte des données du parquet."
                ),
            ],
        },
    },
    {
        "area": "smart-prosecution",
        "title": {
            "en": "Smart Prosecution",
            "es": "Fiscalía inteligente",
            "fr": "Poursuites intelligentes",
        },
        "slug": {
            "en": "smart-prosecution",
            "es": "fiscalia-inteligente",
            "fr": "poursuites-intelligentes",
        },
        "intro": {
            "en": (
                "Using data, research partnerships and evidence to learn what works in prosecution."
            ),
            "es": (
                "El uso de datos, alianzas de investigación y evidencia para saber qué funciona en "
                "la labor de la fiscalía."
            ),
            "fr": (
                "Mobiliser les données, les partenariats de recherche et les faits pour savoir ce "
                "qui fonctionne en matière de poursuites."
            ),
        },
        "body": {
            "en": [
                (
                    "Prosecutors make thousands of decisions every year, yet few offices can say "
                    "with confidence which policies reduce crime, which reduce harm and which have "
                    "no effect at all. Smart Prosecution encourages offices to collect good data, "
                    "to work with researchers, and to test their practices the way other public "
                    "services do."
                ),
                (
                    "Members share ways of turning case management data into useful dashboards, "
                    "examples of partnerships with universities and research institutes, "
                    "evaluation designs suited to a prosecutor's office, and lessons from projects "
                    "that did not go as planned. The program serves prosecutors, analysts and "
                    "researchers alike, and no statistical background is needed to take part."
                ),
            ],
            "es": [
                (
                    "Los fiscales toman miles de decisiones cada año, pero pocas fiscalías pueden "
                    "afirmar con seguridad qué políticas reducen la delincuencia, cuáles reducen "
                    "el daño y cuáles no tienen ningún efecto. El programa Fiscalía inteligente "
                    "anima a las fiscalías a recopilar datos de calidad, a trabajar con "
                    "investigadores y a evaluar sus prácticas como lo hacen otros servicios "
                    "públicos."
                ),
                (
                    "Los miembros comparten formas de convertir los datos de gestión de casos en "
                    "paneles útiles, ejemplos de colaboración con universidades e institutos de "
                    "investigación, diseños de evaluación adaptados a una fiscalía y lecciones de "
                    "proyectos que no salieron como se esperaba. El programa está dirigido a "
                    "fiscales, analistas e investigadores, y no se requieren conocimientos de "
                    "estadística para participar."
                ),
            ],
            "fr": [
                (
                    "Les procureurs prennent des milliers de décisions chaque année, mais rares "
                    "sont les parquets capables de dire avec certitude quelles politiques font "
                    "reculer la délinquance, lesquelles réduisent les préjudices et lesquelles "
                    "n'ont aucun effet. Le programme Poursuites intelligentes encourage les "
                    "parquets à recueillir des données fiables, à travailler avec des chercheurs "
                    "et à évaluer leurs pratiques comme le font d'autres services publics."
                ),
                (
                    "Les membres partagent des méthodes pour transformer les données de gestion "
                    "des affaires en tableaux de bord utiles, des exemples de partenariats avec "
                    "des universités et des instituts de recherche, des protocoles d'évaluation "
                    "adaptés à un parquet et les enseignements de projets qui ne se sont pas "
                    "déroulés comme prévu. Le programme s'adresse aux procureurs, aux analystes et "
                    "aux chercheurs, et aucune formation en statistique n'est nécessaire pour y "
                    "participer."
                ),
            ],
        },
    },
    {
        "area": "violence-against-women-reduction",
        "title": {
            "en": "Violence Against Women Reduction",
            "es": "Reducción de la violencia contra las mujeres",
            "fr": "Réduction des violences faites aux femmes",
        },
        "slug": {
            "en": "violence-against-women-reduction",
            "es": "reduccion-de-la-violencia-contra-las-mujeres",
            "fr": "reduction-des-violences-faites-aux-femmes",
        },
        "intro": {
            "en": (
                "Prosecuting domestic violence, sexual assault, stalking and human trafficking "
                "with constant attention to victim safety."
            ),
            "es": (
                "La persecución de la violencia doméstica, la agresión sexual, el acoso y la trata "
                "de personas, con especial atención a la seguridad de las víctimas."
            ),
            "fr": (
                "Poursuivre les violences conjugales, les agressions sexuelles, le harcèlement et "
                "la traite des êtres humains en veillant à la sécurité des victimes."
            ),
        },
        "body": {
            "en": [
                (
                    "Domestic violence, sexual assault, stalking and trafficking cases are among "
                    "the most common and most difficult that prosecutors handle. Victims may be "
                    "afraid, financially dependent on the offender or unwilling to testify, and "
                    "the risk of further violence is often highest just as a case moves forward. "
                    "This program helps prosecutors build strong cases while keeping victims safe."
                ),
                (
                    "Members exchange practice on evidence-based prosecution when a victim cannot "
                    "or will not testify, risk assessment and protection orders, strangulation and "
                    "coercive control, technology-facilitated abuse, and cooperation with shelters "
                    "and victim advocates. The program also addresses sexual assault "
                    "investigations, including the handling of forensic evidence and the "
                    "questioning of victims in court."
                ),
            ],
            "es": [
                (
                    "Los casos de violencia doméstica, agresión sexual, acoso y trata se "
                    "encuentran entre los más frecuentes y difíciles que tramitan los fiscales. "
                    "Las víctimas pueden tener miedo, depender económicamente del agresor o no "
                    "querer declarar, y el riesgo de nuevas agresiones suele ser mayor justo "
                    "cuando el caso avanza. Este programa ayuda a los fiscales a construir casos "
                    "sólidos sin descuidar la seguridad de las víctimas."
                ),
                (
                    "Los miembros intercambian prácticas sobre la acusación basada en pruebas "
                    "cuando la víctima no puede o no quiere declarar, la evaluación del riesgo y "
                    "las órdenes de protección, la estrangulación y el control coercitivo, la "
                    "violencia digital y la cooperación con casas de acogida y servicios de "
                    "acompañamiento a víctimas. El programa también aborda la investigación de las "
                    "agresiones sexuales, incluido el tratamiento de las pruebas forenses y el "
                    "interrogatorio de las víctimas en el juicio."
                ),
            ],
            "fr": [
                (
                    "Les affaires de violences conjugales, d'agressions sexuelles, de harcèlement "
                    "et de traite comptent parmi les plus fréquentes et les plus difficiles que "
                    "traitent les procureurs. Les victimes peuvent avoir peur, dépendre "
                    "financièrement de l'auteur ou refuser de témoigner, et le risque de nouvelles "
                    "violences est souvent le plus élevé au moment même où la procédure avance. Ce "
                    "programme aide les procureurs à bâtir des dossiers solides tout en assurant "
                    "la sécurité des victimes."
                ),
                (
                    "Les membres échangent sur les poursuites fondées sur les preuves lorsque la "
                    "victime ne peut ou ne veut pas témoigner, l'évaluation des risques et les "
                    "ordonnances de protection, la strangulation et le contrôle coercitif, les "
                    "violences numériques et la coopération avec les centres d'hébergement et les "
                    "associations d'aide aux victimes. Le programme aborde aussi les enquêtes en "
                    "matière d'agressions sexuelles, notamment le traitement des preuves "
                    "médico-légales et l'audition des victimes à l'audience."
                ),
            ],
        },
    },
    {
        "area": "victims-rights",
        "title": {
            "en": "Victims' Rights",
            "es": "Derechos de las víctimas",
            "fr": "Droits des victimes",
        },
        "slug": {
            "en": "victims-rights",
            "es": "derechos-de-las-victimas",
            "fr": "droits-des-victimes",
        },
        "intro": {
            "en": (
                "Making sure victims are informed, protected and heard at every stage of a "
                "criminal case."
            ),
            "es": (
                "Garantizar que las víctimas estén informadas y protegidas, y que sean escuchadas "
                "en cada etapa del proceso penal."
            ),
            "fr": (
                "Veiller à ce que les victimes soient informées, protégées et entendues à chaque "
                "étape de la procédure pénale."
            ),
        },
        "body": {
            "en": [
                (
                    "Most legal systems now recognise that victims have rights in criminal "
                    "proceedings: to be informed, to be protected, to be heard and, in many "
                    "places, to receive compensation. Turning those rights into everyday practice "
                    "is largely the work of prosecutors' offices. This program supports "
                    "prosecutors and victim-witness staff who want to do that work well."
                ),
                (
                    "Members share notification systems and letters, ways of preparing victims and "
                    "witnesses for court, trauma-informed interviewing, restitution and "
                    "compensation procedures, and approaches for victims who do not speak the "
                    "language of the court. The program also follows legislative developments in "
                    "victims' rights across the countries represented in the network."
                ),
            ],
            "es": [
                (
                    "La mayoría de los sistemas jurídicos reconocen hoy que las víctimas tienen "
                    "derechos en el proceso penal: a ser informadas, a ser protegidas, a ser "
                    "escuchadas y, en muchos lugares, a recibir una reparación. Convertir esos "
                    "derechos en práctica cotidiana es, en gran medida, tarea de las fiscalías. "
                    "Este programa apoya a los fiscales y al personal de atención a víctimas y "
                    "testigos que quieren hacer bien ese trabajo."
                ),
                (
                    "Los miembros comparten sistemas y modelos de notificación, prácticas para "
                    "preparar a víctimas y testigos para el juicio, técnicas de entrevista basadas "
                    "en el enfoque informado sobre el trauma, procedimientos de restitución e "
                    "indemnización, y formas de atender a las víctimas que no hablan el idioma del "
                    "tribunal. El programa también sigue la evolución legislativa en materia de "
                    "derechos de las víctimas en los países representados en la red."
                ),
            ],
            "fr": [
                (
                    "La plupart des systèmes juridiques reconnaissent aujourd'hui que les victimes "
                    "ont des droits dans la procédure pénale : être informées, être protégées, "
                    "être entendues et, dans de nombreux pays, obtenir réparation. Faire de ces "
                    "droits une réalité quotidienne relève en grande partie du travail des "
                    "parquets. Ce programme accompagne les procureurs et les personnels d'aide aux "
                    "victimes et aux témoins qui veulent mener ce travail au mieux."
                ),
                (
                    "Les membres partagent des dispositifs et des modèles d'avis aux victimes, des "
                    "pratiques de préparation des victimes et des témoins à l'audience, des "
                    "techniques d'audition tenant compte des traumatismes, des procédures de "
                    "restitution et d'indemnisation, ainsi que des approches pour les victimes qui "
                    "ne parlent pas la langue du tribunal. Le programme suit également l'évolution "
                    "législative en matière de droits des victimes dans les pays représentés au "
                    "sein du réseau."
                ),
            ],
        },
    },
]

# The index pages for events and publications.
EVENT_INDEX = {
    "title": {"en": "Events", "es": "Eventos", "fr": "Événements"},
    "slug": {"en": "events", "es": "eventos", "fr": "evenements"},
    "intro": {
        "en": "Webinars and conferences organised by the association and its program areas.",
        "es": (
            "Seminarios web y conferencias organizados por la asociación y sus áreas de programa."
        ),
        "fr": "Webinaires et conférences organisés par l'association et ses domaines de programme.",
    },
}

RESOURCE_INDEX = {
    "title": {"en": "Resources", "es": "Recursos", "fr": "Ressources"},
    "slug": {"en": "resources", "es": "recursos", "fr": "ressources"},
    "intro": {
        "en": "Publications, practice guides and research from across the network.",
        "es": "Publicaciones, guías prácticas e investigaciones de toda la red.",
        "fr": (
            "Publications, guides pratiques et travaux de recherche issus de l'ensemble du réseau."
        ),
    },
}

# Upcoming events: one online webinar and one in-person conference.
EVENTS = [
    {
        "kind": "webinar",
        "area": "child-abuse-prosecution",
        "title": {
            "en": "Forensic Interviews with Child Witnesses: What the Research Says",
            "es": "Entrevistas forenses a testigos menores de edad: lo que dice la investigación",
            "fr": "L'audition des enfants témoins : ce que dit la recherche",
        },
        "slug": {
            "en": "forensic-interviews-with-child-witnesses",
            "es": "entrevistas-forenses-a-testigos-menores",
            "fr": "audition-des-enfants-temoins",
        },
        "summary": {
            "en": (
                "A one-hour webinar on conducting forensic interviews with children and presenting "
                "them at trial, with time for questions."
            ),
            "es": (
                "Un seminario web de una hora sobre cómo realizar entrevistas forenses a menores y "
                "presentarlas en juicio, con tiempo para preguntas."
            ),
            "fr": (
                "Un webinaire d'une heure sur la conduite des auditions d'enfants et leur "
                "présentation à l'audience, suivi d'un temps d'échange."
            ),
        },
        "body": {
            "en": [
                (
                    "A forensic interview is often the most important evidence in a child abuse "
                    "case, and it is also the moment when the process can most easily harm a "
                    "child. This webinar reviews what research shows about how children remember "
                    "and describe events, and which questioning techniques produce accurate, "
                    "reliable accounts."
                ),
                (
                    "A prosecutor and a forensic interviewer will walk through the stages of a "
                    "well-conducted interview, show how to present a recorded interview at trial "
                    "and discuss common defence challenges. The session will be held in English "
                    "with simultaneous interpretation into Spanish and French."
                ),
            ],
            "es": [
                (
                    "La entrevista forense suele ser la prueba más importante en un caso de abuso "
                    "infantil, y también el momento en que el proceso puede causar más daño al "
                    "niño. Este seminario web repasa lo que muestra la investigación sobre cómo "
                    "los niños recuerdan y describen los hechos, y qué técnicas de interrogatorio "
                    "permiten obtener relatos precisos y fiables."
                ),
                (
                    "Una fiscal y un entrevistador forense recorrerán las etapas de una entrevista "
                    "bien realizada, mostrarán cómo presentar en juicio una entrevista grabada y "
                    "analizarán las objeciones habituales de la defensa. La sesión se impartirá en "
                    "inglés con interpretación simultánea al español y al francés."
                ),
            ],
            "fr": [
                (
                    "L'audition filmée est souvent la preuve la plus importante dans une affaire "
                    "de maltraitance d'enfant, et c'est aussi le moment où la procédure risque le "
                    "plus de nuire à l'enfant. Ce webinaire présente ce que la recherche nous "
                    "apprend sur la manière dont les enfants se souviennent des faits et les "
                    "décrivent, et sur les techniques de questionnement qui permettent d'obtenir "
                    "des récits exacts et fiables."
                ),
                (
                    "Une procureure et un enquêteur spécialisé présenteront les étapes d'une "
                    "audition bien menée, montreront comment produire un enregistrement d'audition "
                    "à l'audience et examineront les contestations les plus courantes de la "
                    "défense. La session se tiendra en anglais avec interprétation simultanée en "
                    "espagnol et en français."
                ),
            ],
        },
        "starts_in_days": 21,
        "duration_hours": 1,
        "time_zone": "America/New_York",
        "place": "",
        "online_url": "https://example.org/webinars/forensic-interviews-with-child-witnesses",
        "registration_url": "https://example.org/register/forensic-interviews-webinar",
        "speakers": [
            {
                "name": "Helena Marquardt",
                "role": {
                    "en": "Senior Prosecutor, Child Abuse Unit",
                    "es": "Fiscal principal, Unidad de Abuso Infantil",
                    "fr": "Procureure principale, section des mineurs victimes",
                },
            },
            {
                "name": "Daniel Okonjo",
                "role": {
                    "en": "Forensic Interviewer and Trainer",
                    "es": "Entrevistador forense y formador",
                    "fr": "Enquêteur spécialisé dans l'audition des enfants et formateur",
                },
            },
        ],
    },
    {
        "kind": "conference",
        "area": "smart-prosecution",
        "title": {
            "en": "Data and Evaluation in Prosecution: Annual Conference",
            "es": "Datos y evaluación en la fiscalía: conferencia anual",
            "fr": "Données et évaluation au service des poursuites : conférence annuelle",
        },
        "slug": {
            "en": "data-and-evaluation-in-prosecution-conference",
            "es": "conferencia-datos-y-evaluacion-en-la-fiscalia",
            "fr": "conference-donnees-et-evaluation-des-poursuites",
        },
        "summary": {
            "en": (
                "Two days of sessions on using data, research partnerships and evaluation to "
                "improve prosecution practice."
            ),
            "es": (
                "Dos días de sesiones sobre el uso de datos, alianzas de investigación y "
                "evaluación para mejorar la práctica de la fiscalía."
            ),
            "fr": (
                "Deux jours de sessions sur l'utilisation des données, les partenariats de "
                "recherche et l'évaluation au service de la pratique des parquets."
            ),
        },
        "body": {
            "en": [
                (
                    "The annual Smart Prosecution conference brings together prosecutors, analysts "
                    "and researchers from across the network to share what they have learned from "
                    "measuring their own work. Sessions cover building an office dashboard, "
                    "designing a low-cost evaluation, working with a university partner and "
                    "presenting results to the public."
                ),
                (
                    "The programme mixes plenary talks with small workshops organised by language, "
                    "so that participants can discuss their own data with colleagues from similar "
                    "legal systems. Interpretation into English, Spanish and French is provided "
                    "for all plenary sessions."
                ),
            ],
            "es": [
                (
                    "La conferencia anual de Fiscalía inteligente reúne a fiscales, analistas e "
                    "investigadores de toda la red para compartir lo que han aprendido al medir su "
                    "propio trabajo. Las sesiones tratan sobre la creación de un panel de "
                    "indicadores para la fiscalía, el diseño de evaluaciones de bajo coste, la "
                    "colaboración con una universidad y la presentación de resultados al público."
                ),
                (
                    "El programa combina ponencias plenarias con talleres reducidos organizados "
                    "por idioma, para que los participantes puedan analizar sus propios datos con "
                    "colegas de sistemas jurídicos similares. Todas las sesiones plenarias "
                    "contarán con interpretación al inglés, al español y al francés."
                ),
            ],
            "fr": [
                (
                    "La conférence annuelle Poursuites intelligentes réunit des procureurs, des "
                    "analystes et des chercheurs de tout le réseau pour partager ce qu'ils ont "
                    "appris en mesurant leur propre travail. Les sessions portent sur la création "
                    "d'un tableau de bord pour le parquet, la conception d'une évaluation à "
                    "moindre coût, le travail avec un partenaire universitaire et la présentation "
                    "des résultats au public."
                ),
                (
                    "Le programme associe séances plénières et ateliers en petits groupes "
                    "organisés par langue, afin que les participants puissent examiner leurs "
                    "propres données avec des collègues issus de systèmes juridiques comparables. "
                    "Toutes les séances plénières bénéficieront d'une interprétation en anglais, "
                    "en espagnol et en français."
                ),
            ],
        },
        "starts_in_days": 75,
        "duration_hours": 32,
        "time_zone": "Europe/Lisbon",
        "place": "Lisbon, Portugal",
        "online_url": "",
        "registration_url": "https://example.org/register/smart-prosecution-conference",
        "speakers": [
            {
                "name": "Inês Carvalho Duarte",
                "role": {
                    "en": "Head of Data Analysis, Metropolitan Prosecutor's Office",
                    "es": "Jefa de Análisis de Datos, Fiscalía Metropolitana",
                    "fr": "Responsable de l'analyse des données, parquet métropolitain",
                },
            },
            {
                "name": "Samuel Achterberg",
                "role": {
                    "en": "Criminologist and Research Partner",
                    "es": "Criminólogo e investigador asociado",
                    "fr": "Criminologue et chercheur partenaire",
                },
            },
        ],
    },
]

# Publications; `topics` are English tags.
RESOURCES = [
    {
        "area": "prosecutor-led-diversion",
        "title": {
            "en": "Designing a Prosecutor-Led Diversion Program: A Practice Guide",
            "es": "Cómo diseñar un programa de desvío dirigido por la fiscalía: guía práctica",
            "fr": (
                "Concevoir un programme de déjudiciarisation mené par le parquet : guide pratique"
            ),
        },
        "slug": {
            "en": "diversion-program-practice-guide",
            "es": "guia-practica-programas-de-desvio",
            "fr": "guide-pratique-dejudiciarisation",
        },
        "summary": {
            "en": (
                "A step-by-step guide to setting eligibility rules, partnering with service "
                "providers and measuring outcomes."
            ),
            "es": (
                "Una guía paso a paso para fijar criterios de admisión, colaborar con proveedores "
                "de servicios y medir resultados."
            ),
            "fr": (
                "Un guide pas à pas pour définir les critères d'éligibilité, travailler avec les "
                "prestataires de services et mesurer les résultats."
            ),
        },
        "body": {
            "en": [
                (
                    "This guide draws on the experience of offices across the network that have "
                    "launched diversion programs in the past ten years. It walks through each "
                    "stage of program design, from defining the target population and eligibility "
                    "rules to drafting participant agreements and deciding what happens when "
                    "someone does not complete the program."
                ),
                (
                    "Each chapter ends with questions for a planning team and examples of "
                    "documents that members have agreed to share. A final chapter sets out a "
                    "simple set of indicators that any office can collect to see whether its "
                    "program is working and whether it is offered fairly."
                ),
            ],
            "es": [
                (
                    "Esta guía se basa en la experiencia de fiscalías de toda la red que han "
                    "puesto en marcha programas de desvío en los últimos diez años. Recorre cada "
                    "etapa del diseño, desde la definición de la población destinataria y los "
                    "criterios de admisión hasta la redacción de los acuerdos con los "
                    "participantes y la decisión sobre qué ocurre cuando alguien no completa el "
                    "programa."
                ),
                (
                    "Cada capítulo termina con preguntas para el equipo de planificación y "
                    "ejemplos de documentos que los miembros han aceptado compartir. Un capítulo "
                    "final propone un conjunto sencillo de indicadores que cualquier fiscalía "
                    "puede recopilar para comprobar si su programa funciona y si se ofrece de "
                    "forma equitativa."
                ),
            ],
            "fr": [
                (
                    "Ce guide s'appuie sur l'expérience de parquets de tout le réseau qui ont "
                    "lancé des programmes de déjudiciarisation au cours des dix dernières années. "
                    "Il présente chaque étape de la conception d'un programme, de la définition du "
                    "public visé et des critères d'éligibilité jusqu'à la rédaction des "
                    "conventions avec les participants et aux suites à donner lorsqu'une personne "
                    "ne va pas au bout du programme."
                ),
                (
                    "Chaque chapitre se termine par des questions destinées à l'équipe de projet "
                    "et par des exemples de documents que des membres ont accepté de partager. Un "
                    "dernier chapitre propose un ensemble simple d'indicateurs que tout parquet "
                    "peut recueillir pour vérifier si son programme fonctionne et s'il est proposé "
                    "de manière équitable."
                ),
            ],
        },
        "topics": ["diversion", "program design", "outcome measurement"],
        "published_days_ago": 30,
    },
    {
        "area": "victims-rights",
        "title": {
            "en": "Keeping Victims Informed: Model Notification Letters and Practices",
            "es": (
                "Mantener informadas a las víctimas: modelos de cartas de notificación y buenas "
                "prácticas"
            ),
            "fr": "Informer les victimes : modèles de lettres d'avis et bonnes pratiques",
        },
        "slug": {
            "en": "keeping-victims-informed",
            "es": "mantener-informadas-a-las-victimas",
            "fr": "informer-les-victimes",
        },
        "summary": {
            "en": (
                "Model letters and a checklist for telling victims about each stage of their case "
                "in plain language."
            ),
            "es": (
                "Modelos de cartas y una lista de verificación para informar a las víctimas de "
                "cada etapa de su caso en un lenguaje claro."
            ),
            "fr": (
                "Des modèles de lettres et une liste de contrôle pour informer les victimes de "
                "chaque étape de leur affaire dans un langage clair."
            ),
        },
        "body": {
            "en": [
                (
                    "Victims consistently say that not knowing what is happening in their case is "
                    "one of the hardest parts of the process. This publication collects model "
                    "notification letters from member offices, covering charging decisions, "
                    "hearing dates, plea agreements, sentencing and release, rewritten in plain "
                    "language and tested with victims' organisations."
                ),
                (
                    "It also includes a checklist for reviewing an office's notification practice, "
                    "with advice on timing, translation, accessible formats and contact by "
                    "telephone or text message for victims who prefer it."
                ),
            ],
            "es": [
                (
                    "Las víctimas señalan una y otra vez que no saber qué ocurre con su caso es "
                    "una de las partes más difíciles del proceso. Esta publicación reúne modelos "
                    "de cartas de notificación de fiscalías miembros sobre las decisiones de "
                    "acusación, las fechas de audiencia, los acuerdos de conformidad, la sentencia "
                    "y la puesta en libertad, reescritos en un lenguaje claro y probados con "
                    "organizaciones de víctimas."
                ),
                (
                    "También incluye una lista de verificación para revisar las prácticas de "
                    "notificación de una fiscalía, con consejos sobre plazos, traducción, formatos "
                    "accesibles y contacto por teléfono o mensaje de texto para las víctimas que "
                    "lo prefieran."
                ),
            ],
            "fr": [
                (
                    "Les victimes le répètent : ne pas savoir où en est leur affaire est l'une des "
                    "épreuves les plus difficiles de la procédure. Cette publication rassemble des "
                    "modèles de lettres d'avis provenant de parquets membres, qui portent sur les "
                    "décisions de poursuite, les dates d'audience, les accords sur la peine, le "
                    "jugement et la remise en liberté, réécrits dans un langage clair et testés "
                    "auprès d'associations de victimes."
                ),
                (
                    "Elle comprend également une liste de contrôle pour examiner les pratiques "
                    "d'information d'un parquet, avec des conseils sur les délais, la traduction, "
                    "les formats accessibles et le contact par téléphone ou par SMS pour les "
                    "victimes qui le souhaitent."
                ),
            ],
        },
        "topics": ["victim notification", "plain language", "model documents"],
        "published_days_ago": 12,
    },
]
