"""Program pages, first third: animal abuse to high-performance prosecution."""

from __future__ import annotations

from typing import Any

# In the order of cms/demo_content/forum.py's PROGRAM_AREAS.
PROGRAMS_A_TO_H: list[dict[str, Any]] = [
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
]
