"""Program pages, last third: safety and justice to victims' rights."""

from __future__ import annotations

from typing import Any

# In the order of cms/demo_content/forum.py's PROGRAM_AREAS.
PROGRAMS_S_TO_V: list[dict[str, Any]] = [
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
