"""The event listing's text and the upcoming events."""

from __future__ import annotations

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
