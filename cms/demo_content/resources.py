"""The resource listing's text and the publications."""

from __future__ import annotations

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
