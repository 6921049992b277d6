"""The home page's text and the index page that lists the program areas."""

from __future__ import annotations

from typing import Any

# The association's home page: title, introduction and three pillars.
HOME: dict[str, Any] = {
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
