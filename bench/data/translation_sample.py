"""A fixed parallel sample for scoring translation routes with chrF (bench/translation.py).

Twenty sentences of the kind prosecutors post on the forum, each written in English, Spanish,
Brazilian Portuguese and French. They were drafted in English and translated by hand, as a
careful human translator would: idiomatic legal terms of each country ("prisión preventiva",
"transitou em julgado", "parquet"), not word for word. Every language serves in turn as the
source, the others as references, so each of the 12 directions has 20 sentences. The site's
Portuguese is Brazilian (docs/translation.md), so the Portuguese references are too.
"""

from __future__ import annotations

LANGUAGES = ("en", "es", "pt", "fr")

SAMPLE: list[dict[str, str]] = [
    {
        "en": "The prosecutor asked the judge to order pretrial detention because the "
        "defendant had fled before.",
        "es": "El fiscal pidió al juez que ordenara la prisión preventiva porque el acusado "
        "había huido antes.",
        "pt": "O promotor pediu ao juiz que decretasse a prisão preventiva porque o réu havia "
        "fugido antes.",
        "fr": "Le procureur a demandé au juge d'ordonner la détention provisoire parce que le "
        "prévenu avait déjà pris la fuite.",
    },
    {
        "en": "Child victims should be interviewed only once, by a trained specialist, in a "
        "child-friendly room.",
        "es": "Los niños víctimas deben ser entrevistados una sola vez, por un especialista "
        "capacitado, en una sala adaptada a los niños.",
        "pt": "As crianças vítimas devem ser entrevistadas uma única vez, por um especialista "
        "capacitado, em uma sala adequada para crianças.",
        "fr": "Les enfants victimes ne doivent être entendus qu'une seule fois, par un "
        "spécialiste formé, dans une salle adaptée aux enfants.",
    },
    {
        "en": "The defense lawyer filed a motion to exclude the evidence obtained without a "
        "warrant.",
        "es": "El abogado defensor presentó una moción para excluir las pruebas obtenidas sin "
        "orden judicial.",
        "pt": "O advogado de defesa apresentou um pedido para excluir as provas obtidas sem "
        "mandado judicial.",
        "fr": "L'avocat de la défense a déposé une requête pour écarter les preuves obtenues "
        "sans mandat.",
    },
    {
        "en": "Our office created a specialized unit to investigate human trafficking cases.",
        "es": "Nuestra fiscalía creó una unidad especializada para investigar los casos de "
        "trata de personas.",
        "pt": "Nossa promotoria criou uma unidade especializada para investigar os casos de "
        "tráfico de pessoas.",
        "fr": "Notre parquet a créé une unité spécialisée pour enquêter sur les affaires de "
        "traite des êtres humains.",
    },
    {
        "en": "The witness refused to testify because she was afraid of reprisals against her "
        "family.",
        "es": "La testigo se negó a declarar porque tenía miedo de represalias contra su familia.",
        "pt": "A testemunha se recusou a depor porque tinha medo de represálias contra sua "
        "família.",
        "fr": "La témoin a refusé de témoigner parce qu'elle avait peur de représailles contre "
        "sa famille.",
    },
    {
        "en": "Juvenile offenders can be diverted to community programs instead of being sent "
        "to trial.",
        "es": "Los menores infractores pueden ser derivados a programas comunitarios en lugar "
        "de ser llevados a juicio.",
        "pt": "Os adolescentes infratores podem ser encaminhados a programas comunitários em "
        "vez de serem levados a julgamento.",
        "fr": "Les mineurs délinquants peuvent être orientés vers des programmes communautaires "
        "au lieu d'être jugés.",
    },
    {
        "en": "How do you handle domestic violence cases when the victim withdraws her complaint?",
        "es": "¿Cómo manejan ustedes los casos de violencia doméstica cuando la víctima retira "
        "su denuncia?",
        "pt": "Como vocês lidam com os casos de violência doméstica quando a vítima retira a "
        "denúncia?",
        "fr": "Comment traitez-vous les affaires de violence domestique lorsque la victime "
        "retire sa plainte ?",
    },
    {
        "en": "The court sentenced the accused to eight years in prison for aggravated robbery.",
        "es": "El tribunal condenó al acusado a ocho años de prisión por robo agravado.",
        "pt": "O tribunal condenou o acusado a oito anos de prisão por roubo qualificado.",
        "fr": "Le tribunal a condamné l'accusé à huit ans d'emprisonnement pour vol aggravé.",
    },
    {
        "en": "We need better cooperation between police and prosecutors from the first hours "
        "of an investigation.",
        "es": "Necesitamos una mejor cooperación entre la policía y los fiscales desde las "
        "primeras horas de una investigación.",
        "pt": "Precisamos de uma melhor cooperação entre a polícia e os promotores desde as "
        "primeiras horas de uma investigação.",
        "fr": "Nous avons besoin d'une meilleure coopération entre la police et les procureurs "
        "dès les premières heures d'une enquête.",
    },
    {
        "en": "The forensic report confirmed that the injuries were consistent with repeated "
        "abuse.",
        "es": "El informe forense confirmó que las lesiones eran compatibles con malos tratos "
        "reiterados.",
        "pt": "O laudo pericial confirmou que as lesões eram compatíveis com maus-tratos "
        "repetidos.",
        "fr": "Le rapport médico-légal a confirmé que les blessures étaient compatibles avec "
        "des maltraitances répétées.",
    },
    {
        "en": "Victims have the right to be informed about every stage of the proceedings.",
        "es": "Las víctimas tienen derecho a ser informadas de cada etapa del proceso.",
        "pt": "As vítimas têm o direito de ser informadas sobre cada etapa do processo.",
        "fr": "Les victimes ont le droit d'être informées de chaque étape de la procédure.",
    },
    {
        "en": "The appeal was rejected and the conviction became final last month.",
        "es": "La apelación fue rechazada y la condena quedó firme el mes pasado.",
        "pt": "O recurso foi rejeitado e a condenação transitou em julgado no mês passado.",
        "fr": "L'appel a été rejeté et la condamnation est devenue définitive le mois dernier.",
    },
    {
        "en": "Does anyone have experience with electronic monitoring as an alternative to "
        "detention?",
        "es": "¿Alguien tiene experiencia con la vigilancia electrónica como alternativa a la "
        "detención?",
        "pt": "Alguém tem experiência com o monitoramento eletrônico como alternativa à detenção?",
        "fr": "Quelqu'un a-t-il de l'expérience avec la surveillance électronique comme "
        "alternative à la détention ?",
    },
    {
        "en": "The investigation found that the company paid bribes to public officials for "
        "ten years.",
        "es": "La investigación determinó que la empresa pagó sobornos a funcionarios públicos "
        "durante diez años.",
        "pt": "A investigação constatou que a empresa pagou propina a funcionários públicos "
        "durante dez anos.",
        "fr": "L'enquête a établi que l'entreprise avait versé des pots-de-vin à des "
        "fonctionnaires pendant dix ans.",
    },
    {
        "en": "Plea agreements must be approved by a judge before they take effect.",
        "es": "Los acuerdos de culpabilidad deben ser aprobados por un juez antes de surtir "
        "efecto.",
        "pt": "Os acordos de confissão devem ser homologados por um juiz antes de produzirem "
        "efeitos.",
        "fr": "Les accords de plaider-coupable doivent être homologués par un juge avant de "
        "prendre effet.",
    },
    {
        "en": "The hearing was postponed because the interpreter did not arrive.",
        "es": "La audiencia se aplazó porque el intérprete no llegó.",
        "pt": "A audiência foi adiada porque o intérprete não chegou.",
        "fr": "L'audience a été reportée parce que l'interprète n'est pas arrivé.",
    },
    {
        "en": "Social media messages can be used as evidence if their origin is properly verified.",
        "es": "Los mensajes de las redes sociales pueden usarse como prueba si su origen se "
        "verifica debidamente.",
        "pt": "As mensagens das redes sociais podem ser usadas como prova se a sua origem for "
        "devidamente verificada.",
        "fr": "Les messages des réseaux sociaux peuvent servir de preuve si leur origine est "
        "dûment vérifiée.",
    },
    {
        "en": "The new law increases the penalties for the sexual exploitation of children online.",
        "es": "La nueva ley aumenta las penas por la explotación sexual de niños en internet.",
        "pt": "A nova lei aumenta as penas para a exploração sexual de crianças na internet.",
        "fr": "La nouvelle loi alourdit les peines pour l'exploitation sexuelle des enfants en "
        "ligne.",
    },
    {
        "en": "Thank you for sharing your protocol; we will adapt it for our regional offices.",
        "es": "Gracias por compartir su protocolo; lo adaptaremos para nuestras oficinas "
        "regionales.",
        "pt": "Obrigado por compartilhar seu protocolo; vamos adaptá-lo para nossos "
        "escritórios regionais.",
        "fr": "Merci d'avoir partagé votre protocole ; nous l'adapterons pour nos bureaux "
        "régionaux.",
    },
    {
        "en": "The prosecutor dropped the charges after new evidence proved the suspect's "
        "innocence.",
        "es": "El fiscal retiró los cargos después de que nuevas pruebas demostraran la "
        "inocencia del sospechoso.",
        "pt": "O promotor retirou as acusações depois que novas provas demonstraram a "
        "inocência do suspeito.",
        "fr": "Le procureur a abandonné les poursuites après que de nouvelles preuves ont "
        "démontré l'innocence du suspect.",
    },
]
