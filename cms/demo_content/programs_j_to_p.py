"""Program pages, second third: juvenile justice to prosecutor-led diversion."""

from __future__ import annotations

from typing import Any

# In the order of cms/demo_content/forum.py's PROGRAM_AREAS.
PROGRAMS_J_TO_P: list[dict[str, Any]] = [
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
]
