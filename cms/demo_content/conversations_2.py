# ruff: noqa: E501, RUF001 -- data: one post a line, in eight scripts (full-width CJK punctuation)
"""Demo conversations in six program areas (peace-officer use of force, diversion, safety and
justice, smart prosecution, violence against women, victims' rights), for `seed_demo`.

Fictional practitioners from four continents; no real people, cases or personal data. Several
threads cross languages: a reply answers a post written in another language.
"""

from __future__ import annotations

from cms.demo_content.conversation import Conversation, Reply, Voice

# fmt: off
VOICES: list[Voice] = [
    Voice("mariana_costa", "Mariana Costa", "Ministério Público do Estado de Minas Gerais", "Brazil", ("pt", "es")),
    Voice("valeria_mendes", "Valéria Mendes", "Ministério Público do Estado do Paraná", "Brazil", ("pt",)),
    Voice("tiago_ferreira", "Tiago Ferreira", "Ministério Público do Estado do Rio Grande do Sul", "Brazil", ("pt", "es")),
    Voice("nuno_almeida", "Nuno Almeida", "Procuradoria da República da Comarca de Coimbra", "Portugal", ("pt", "en")),
    Voice("mateo_rivas", "Mateo Rivas", "Fiscalía Regional de Valparaíso", "Chile", ("es",)),
    Voice("ramon_ortega", "Ramón Ortega", "Fiscalía General del Estado de Jalisco", "Mexico", ("es", "en")),
    Voice("paula_quintero", "Paula Quintero", "Fiscalía General de la Nación", "Colombia", ("es", "en")),
    Voice("susana_vidal", "Susana Vidal", "Fiscalía Provincial de Barcelona", "Spain", ("es", "ca", "fr")),
    Voice("mathilde_roux", "Mathilde Roux", "Parquet de Marseille", "France", ("fr", "en")),
    Voice("nadia_benali", "Nadia Benali", "Parquet de Paris", "France", ("fr", "ar")),
    Voice("olivier_lambert", "Olivier Lambert", "Parquet de Namur", "Belgium", ("fr", "de")),
    Voice("samira_haddad", "Samira Haddad", "النيابة العامة، الدار البيضاء", "Morocco", ("ar", "fr")),
    Voice("omar_khalil", "Omar Khalil", "النيابة العامة، عمّان", "Jordan", ("ar", "en")),
    Voice("yousef_nasser", "Yousef Nasser", "Public Prosecution, Abu Dhabi", "United Arab Emirates", ("ar", "en")),
    Voice("nikolai_orlov", "Nikolai Orlov", "Прокуратура Алматинской области", "Kazakhstan", ("ru", "kk")),
    Voice("pavel_morozov", "Pavel Morozov", "Прокуратура города Бишкек", "Kyrgyzstan", ("ru", "ky")),
    Voice("olga_sokolova", "Olga Sokolova", "Prosecutor General's Office", "Latvia", ("ru", "lv", "en")),
    Voice("oksana_melnyk", "Oksana Melnyk", "Обласна прокуратура, Київ", "Ukraine", ("uk", "ru", "en")),
    Voice("wang_lei", "王磊", "区人民检察院", "China", ("zh-hans",)),
    Voice("zhou_min", "周敏", "市人民检察院", "China", ("zh-hans", "en")),
    Voice("yang_hui", "杨慧", "县人民检察院", "China", ("zh-hans",)),
    Voice("markus_weber", "Markus Weber", "Staatsanwaltschaft München I", "Germany", ("de", "en")),
    Voice("sabine_keller", "Sabine Keller", "Staatsanwaltschaft Zürich", "Switzerland", ("de", "fr")),
    Voice("ursula_brandt", "Ursula Brandt", "Staatsanwaltschaft Graz", "Austria", ("de",)),
    Voice("rachel_owens", "Rachel Owens", "Office of the State's Attorney", "United States", ("en",)),
    Voice("walter_pryce", "Walter Pryce", "County Prosecutor's Office", "United States", ("en",)),
    Voice("theo_nguyen", "Theo Nguyen", "Crown Attorney's Office, Ontario", "Canada", ("en", "fr")),
    Voice("priya_raman", "Priya Raman", "Office of the Director of Public Prosecutions", "Kenya", ("en", "sw")),
    Voice("marco_bianchi", "Marco Bianchi", "Procura della Repubblica di Torino", "Italy", ("it", "en", "fr")),
    Voice("zeynep_aydin", "Zeynep Aydın", "İzmir Cumhuriyet Başsavcılığı", "Türkiye", ("tr", "en", "de")),
]

CONVERSATIONS: list[Conversation] = [
    # Peace officer use of force
    Conversation(
        "peace-officer-use-of-force", "case-law-and-practice", "mathilde_roux", "fr", "Caméras-piétons : quelle valeur probante dans les dossiers de violences policières ?",
        "Nous recevons de plus en plus d'enregistrements de **caméras-piétons** dans les dossiers de violences commises par des personnes dépositaires de l'autorité publique. Trois questions se posent chez nous :\n\n1. Comment garantir l'intégrité du fichier (empreinte numérique, journal d'accès) ?\n2. Que faire quand l'agent a déclenché la caméra en retard ?\n3. Faut-il faire visionner les images à l'agent avant son audition ?\n\nVos pratiques m'intéressent, y compris hors de France.",
        replies=(
            Reply("markus_weber", "de", "Bei uns in Bayern sichert das Präsidium die Aufnahmen, und wir verlangen mit der Akte immer den **Hashwert** und das Zugriffsprotokoll des Speichersystems. Fehlt das Protokoll, fordern wir es nach, bevor wir über eine Anklage entscheiden. Zur dritten Frage: Der Beamte sieht das Video bei uns erst *nach* seiner ersten Aussage, sonst verliert die Aussage ihren eigenen Beweiswert."),
            Reply("moderator", "fr", "Merci Markus, c'est exactement le débat que nous avons eu au parquet de Lyon. Nous avons adopté la même règle : première audition de l'agent **avant** le visionnage, puis une seconde audition où on lui présente les images. Cela permet de mesurer les écarts sans piéger personne.", quotes=1),
            Reply("rachel_owens", "en", "Same ordering here, and it is written into our protocol. On late activation: ask the department for the **pre-event buffer** setting. Most cameras keep thirty to sixty seconds of video before activation, usually without audio. Defense counsel will argue about the missing seconds, so we document early why activation was late."),
            Reply("markus_weber", "de", "Der Hinweis auf den Vorlaufpuffer ist wertvoll. Bei unseren Geräten sind es dreißig Sekunden ohne Ton, und viele Kollegen wissen das nicht. Wir nehmen das jetzt in unsere Checkliste für Verfahren wegen Körperverletzung im Amt auf, zusammen mit der Frage nach Aufnahmen anderer Beamter vor Ort.", quotes=3),
            Reply("mathilde_roux", "fr", "Merci à tous. Je retiens trois points pour notre note interne :\n\n- exiger l'empreinte numérique et le journal d'accès dès la saisine ;\n- demander le réglage de pré-enregistrement de la caméra ;\n- auditionner l'agent avant de lui montrer les images.\n\nJe partagerai la note anonymisée dans l'espace ressources dès qu'elle sera validée."),
        ),
    ),
    Conversation(
        "peace-officer-use-of-force", "general", "rachel_owens", "en", "Who should make the charging decision after an officer-involved shooting?",
        "Our state is debating whether charging decisions in **officer-involved shootings** should stay with the local prosecutor or move to an independent office. Local offices know the facts and the courts, but they also work with the same police department every day. How is this handled where you work, and has a change made any difference to public trust?",
        replies=(
            Reply("theo_nguyen", "en", "In Ontario, deaths and serious injuries involving police go to an independent civilian investigative unit, and the charging decision is made there, not by the local Crown. If charges are laid, a Crown from another region is usually assigned to avoid any appearance of conflict."),
            Reply("priya_raman", "en", "We moved to a special unit three years ago. The honest answer is that trust improved more because of **publishing reasons** than because of who decides. A written declination memo, released with the video where the law allows, answers most of the questions families and journalists ask."),
            Reply("rachel_owens", "en", "That matches what I hear from community groups: the memo matters. Did you set a time limit for publishing it? Our draft bill says ninety days, and investigators warn that forensic reports alone can take longer than that.", quotes=2),
            Reply("priya_raman", "en", "We set one hundred and twenty days, with one extension that must be explained publicly. In practice the ballistics and toxicology reports are the bottleneck, so we request them on the first day and track their status every week in the case-management system."),
        ),
    ),
    Conversation(
        "peace-officer-use-of-force", "resources-and-training", "sabine_keller", "de", "Schulungsunterlagen: Verhältnismäßigkeit bei polizeilichen Zwangsmaßnahmen",
        "Wir bereiten eine Fortbildung für junge Staatsanwältinnen und Staatsanwälte vor, die Anzeigen gegen Polizeibeamte wegen Gewaltanwendung bearbeiten. Schwerpunkt ist die **Verhältnismäßigkeit**: Eignung, Erforderlichkeit, Angemessenheit. Hat jemand gute, anonymisierte Fallbeispiele oder Unterlagen, die er teilen kann?",
        replies=(
            Reply("ursula_brandt", "de", "Wir arbeiten in Graz mit drei Fallstudien: Festnahme bei Widerstand, Einsatz von Pfefferspray in einer Menschenmenge und Fixierung am Boden. Besonders die Bodenfixierung ist lehrreich, weil die Dauer und die Lage der Person entscheidend sind. Ich schicke dir die anonymisierten Folien gern per Nachricht."),
            Reply("markus_weber", "de", "Ergänzend empfehle ich die Rechtsprechung des Europäischen Gerichtshofs für Menschenrechte zu Artikel 3 der Konvention; die Entscheidungen sind in der [HUDOC-Datenbank](https://hudoc.echr.coe.int) frei zugänglich. Für die Schulung eignet sich besonders die Frage, wann der Staat Verletzungen im Gewahrsam erklären muss."),
            Reply("sabine_keller", "de", "Danke euch beiden. Die Bodenfixierung nehmen wir als Hauptfall, und die Straßburger Rechtsprechung bekommt einen eigenen Block. Ich stelle die fertige Unterlage im Frühjahr hier ein, wenn die Fortbildung gelaufen ist und wir die Rückmeldungen eingearbeitet haben."),
        ),
    ),
    Conversation(
        "peace-officer-use-of-force", "general", "omar_khalil", "ar", "معايير التحقيق في استخدام الشرطة للقوة",
        "نعمل في النيابة العامة على إعداد دليل داخلي للتحقيق في الشكاوى المتعلقة باستخدام القوة من قبل أفراد الشرطة. ما هي المعايير التي تعتمدونها لتقييم **ضرورة** القوة و**تناسبها**؟ وهل تستعينون بخبراء مستقلين في الطب الشرعي منذ بداية التحقيق؟",
        replies=(
            Reply("yousef_nasser", "ar", "نطلب تقرير الطب الشرعي خلال ثمانٍ وأربعين ساعة من تقديم الشكوى، لأن آثار الإصابات تتغير بسرعة. ونعتمد على ثلاثة أسئلة: هل كان هناك خطر حقيقي؟ هل كانت هناك وسيلة أخف؟ وهل توقف استعمال القوة عندما زال الخطر؟"),
            Reply("samira_haddad", "ar", "أضيف أن تسجيلات كاميرات المراقبة في الشوارع والمحلات تُمحى عادة بعد أيام قليلة، لذلك نصدر أمراً بحفظها فور وصول الشكوى. كما نستمع إلى الشهود من غير رجال الشرطة قبل الاستماع إلى الأعوان المعنيين كلما أمكن ذلك."),
            Reply("yousef_nasser", "ar", "ملاحظة قصيرة: **المبادئ الأساسية بشأن استخدام القوة والأسلحة النارية من جانب الموظفين المكلفين بإنفاذ القوانين** التي اعتمدتها الأمم المتحدة تصلح أساساً لمثل هذا الدليل، وهي منشورة باللغة العربية على [موقع المفوضية السامية لحقوق الإنسان](https://www.ohchr.org). لقد بنينا قائمة التحقق لدينا مباشرة على المبادئ الرابع والخامس والتاسع."),
            Reply("omar_khalil", "ar", "شكراً على هذه الإشارة، ستكون المبادئ الأساسية للأمم المتحدة مرجعاً رئيسياً في الدليل. سنضيف أيضاً فصلاً عن حفظ التسجيلات بسرعة، وفصلاً عن ترتيب الاستماع إلى الشهود كما اقترحت الزميلة سميرة، ثم نعرض المسودة على الزملاء.", quotes=3),
        ),
    ),
    Conversation(
        "peace-officer-use-of-force", "case-law-and-practice", "nikolai_orlov", "ru", "Судебно-медицинская экспертиза по жалобам на применение силы",
        "Коллеги, какие вопросы вы ставите перед судебно-медицинским экспертом, когда задержанный жалуется на применение силы сотрудниками полиции? У нас часто получается так, что эксперт описывает телесные повреждения, но не отвечает на главное: каковы **механизм** и **давность** их образования. Поделитесь, пожалуйста, формулировками.",
        replies=(
            Reply("olga_sokolova", "ru", "Мы всегда ставим отдельные вопросы: каков механизм образования каждого повреждения, могли ли они возникнуть при обстоятельствах, указанных сотрудником, и при обстоятельствах, указанных заявителем. Сравнение двух версий в одном заключении очень помогает суду и снимает лишние споры."),
            Reply("oksana_melnyk", "uk", "У нас в Україні подібна практика. Ми також просимо експерта оцінити, чи відповідають ушкодження застосуванню кайданок або больових прийомів, і обов'язково додаємо до матеріалів відеозапис з нагрудної камери поліцейського. Без відео експерт часто не може дійти категоричного висновку."),
            Reply("nikolai_orlov", "ru", "Ольга, спасибо, формулировка с двумя версиями событий — именно то, чего нам не хватало. Добавлю её в наш шаблон постановления о назначении экспертизы вместе с вопросом о давности повреждений и о видеозаписи.", quotes=1),
            Reply("olga_sokolova", "ru", "И ещё один практический совет: назначайте экспертизу как можно раньше, в первые сутки. Через неделю многие ссадины и кровоподтёки уже невозможно точно датировать, и защита обязательно будет ссылаться на это в суде."),
        ),
    ),
    # Prosecutor-led diversion
    Conversation(
        "prosecutor-led-diversion", "general", "mateo_rivas", "es", "Desvío en casos de posesión de drogas: ¿qué condiciones exigen?",
        "En la Fiscalía Regional estamos revisando cómo aplicamos la **suspensión condicional del procedimiento** en casos de posesión de drogas con antecedentes menores. Hoy cada fiscal decide las condiciones por su cuenta y los resultados son muy desiguales. ¿Tienen pautas escritas? ¿Exigen tratamiento, trabajo comunitario o solo presentación periódica ante la fiscalía?",
        replies=(
            Reply("mariana_costa", "pt", "Aqui no Brasil usamos o **acordo de não persecução penal** para crimes sem violência com pena mínima inferior a quatro anos. As condições mais comuns são prestação de serviços à comunidade e pagamento de prestação pecuniária. Para usuários, preferimos encaminhar ao tratamento em vez de impor uma multa."),
            Reply("paula_quintero", "es", "Muy interesante lo del encaminamiento a tratamiento. En Colombia tenemos el principio de oportunidad, pero el problema es el seguimiento: la condición se impone y nadie verifica si se cumple. ¿Quién controla el cumplimiento del acuerdo en Brasil, el Ministerio Público o el juez?", quotes=1),
            Reply("mariana_costa", "pt", "O acompanhamento é feito pelo juízo da execução, mas o Ministério Público recebe os relatórios e pode pedir a rescisão do acordo se houver descumprimento. Na prática, criamos uma planilha compartilhada com a rede de saúde para saber se a pessoa compareceu às consultas."),
            Reply("nuno_almeida", "pt", "Em Portugal, a posse para consumo próprio deixou de ser crime em 2001 e passou para as comissões de dissuasão. A suspensão provisória do processo fica para o pequeno tráfico, com injunções como tratamento, apresentação periódica e proibição de frequentar certos locais."),
            Reply("marco_bianchi", "it", "In Italia usiamo la **messa alla prova**: l'imputato svolge lavori di pubblica utilità e segue un programma concordato con l'ufficio di esecuzione penale esterna. Se la prova ha esito positivo il reato si estingue. Funziona bene, ma i tempi di attesa per i programmi sono ancora troppo lunghi."),
            Reply("mateo_rivas", "es", "Gracias a todos. Lo de la planilla compartida con la red de salud me parece la clave. Vamos a proponer tres condiciones estándar: tratamiento, firma mensual en la fiscalía y un plazo de seis meses.", quotes=3, edited_to="Gracias a todos. Lo de la planilla compartida con la red de salud me parece la clave. Vamos a proponer tres condiciones estándar: tratamiento cuando haya una evaluación médica, firma mensual en la fiscalía y un plazo de un año, que es el mínimo que fija nuestro Código Procesal Penal."),
            Reply("susana_vidal", "es", "Desde España, una advertencia: si las condiciones son iguales para todos, pierden sentido. Nosotros hacemos una **evaluación breve de necesidades** antes de proponer el acuerdo, y solo exigimos tratamiento cuando hay un diagnóstico. Así evitamos saturar los servicios con personas que no lo necesitan."),
        ),
    ),
    Conversation(
        "prosecutor-led-diversion", "case-law-and-practice", "theo_nguyen", "en", "Restitution as a diversion condition: what if the person cannot pay?",
        "We routinely make **restitution** a condition of diversion for property offences. The problem: a growing share of participants simply cannot pay, and the file goes back into the prosecution stream for reasons that have nothing to do with remorse or risk. How do you structure restitution so that poverty alone does not end a diversion?",
        replies=(
            Reply("rachel_owens", "en", "We switched to an **ability-to-pay** assessment at intake. The amount stays the same for the victim's record, but the schedule is based on income, and community service hours can replace part of it when the victim agrees. Terminations for non-payment dropped by about half."),
            Reply("priya_raman", "en", "One caution: ask the victim early. Some victims care more about an apology or a repaired fence than about money, and a restorative conference can settle that in an afternoon. We also keep a small compensation fund so that the victim is not the one who waits."),
            Reply("theo_nguyen", "en", "The ability-to-pay assessment is the piece we are missing. Do you use a standard form, and who fills it in: the diversion officer, the participant or defence counsel? I would like to avoid adding another hearing to the process.", quotes=1),
            Reply("rachel_owens", "en", "The diversion officer fills it in with the participant, using a one-page form adapted from our court's fee-waiver application. Defence counsel gets a copy. It takes ten minutes, and it has saved us a great many pointless violation hearings."),
        ),
    ),
    Conversation(
        "prosecutor-led-diversion", "resources-and-training", "nuno_almeida", "pt", "Minutas de suspensão provisória do processo: partilha de modelos",
        "Partilho a estrutura da minuta que usamos em Coimbra para a **suspensão provisória do processo**:\n\n- identificação das injunções e regras de conduta;\n- prazo e entidade que fiscaliza o cumprimento;\n- consequências do incumprimento;\n- concordância do arguido e do assistente.\n\nAlguém tem modelos para crimes rodoviários ou de violência doméstica que possa partilhar connosco?",
        replies=(
            Reply("mariana_costa", "pt", "Obrigada, Nuno. Nosso modelo de acordo é parecido, mas incluímos uma cláusula de confissão formal, que a lei brasileira exige. Para crimes de trânsito, a condição mais usada é a frequência em curso de reeducação, além da prestação de serviços em hospitais de trauma."),
            Reply("susana_vidal", "es", "En España no tenemos una figura idéntica, pero en las conformidades por delitos contra la seguridad vial incluimos cursos de conducción segura. Sería útil comparar las cláusulas de incumplimiento: ¿la revocación es automática o requiere una audiencia previa?"),
            Reply("nuno_almeida", "pt", "Não é automática: o Ministério Público verifica o incumprimento e ouve o arguido antes de deduzir acusação. Na violência doméstica, a suspensão depende de requerimento livre e esclarecido da vítima, o que torna o modelo bem diferente. Publico as duas minutas aqui na próxima semana.", quotes=2),
        ),
    ),
    Conversation(
        "prosecutor-led-diversion", "general", "zhou_min", "zh-hans", "轻微刑事案件的酌定不起诉：标准如何统一？",
        "我们院每年办理大量轻微刑事案件，例如轻伤害、盗窃和危险驾驶。对于**酌定不起诉**，不同检察官把握的尺度差异较大。各位是否制定了统一的内部指引？在作出不起诉决定之前，是否一定要求嫌疑人赔偿被害人并取得谅解？",
        replies=(
            Reply("wang_lei", "zh-hans", "我们制定了一份简短的指引，列出五个考量因素：犯罪情节、认罪悔罪态度、赔偿情况、被害人意见和社会危险性。被害人谅解是重要因素，但不是必要条件。如果嫌疑人确实无力赔偿，但真诚悔罪，也可以考虑作出不起诉决定。"),
            Reply("yang_hui", "zh-hans", "我们县院的做法类似，也列明了考量因素，被害人意见会认真听取，但不具有否决权。想请教一下：不起诉的理由是否对外公开，还是只记录在内部案卷中？如果被害人不理解，检察官会不会当面解释？"),
            Reply("zhou_min", "zh-hans", "不起诉决定书需要送达被害人，被害人不服可以申诉，所以理由必须写清楚。对于有争议的案件，我们还会举行**公开听证**，邀请人民监督员和社区代表参加，听取各方意见后再作决定，这样效果更好。", quotes=2),
            Reply("wang_lei", "zh-hans", "公开听证的做法很好，我们今年也开始尝试。建议在听证前把案件材料整理成简明的摘要，提前告知被害人听证的时间和程序，并安排检察官解答他们的疑问，让他们有充分的准备。"),
        ),
    ),
    Conversation(
        "prosecutor-led-diversion", "case-law-and-practice", "ursula_brandt", "de", "Diversion bei Ladendiebstahl: Auflagen und Rückfallquoten",
        "In Österreich können wir bei Ladendiebstahl im Wege der **Diversion** von der Verfolgung zurücktreten, etwa gegen Zahlung eines Geldbetrags oder gemeinnützige Leistungen. Mich interessiert, ob jemand Zahlen zur Rückfallquote nach den verschiedenen Maßnahmen hat. Wirkt der Tatausgleich besser als die bloße Geldbuße?",
        replies=(
            Reply("sabine_keller", "de", "In Zürich haben wir keine eigene Statistik, aber das Bundesamt für Statistik veröffentlicht Rückfallzahlen nach Sanktionsart. Tendenziell schneiden Maßnahmen mit persönlichem Kontakt besser ab. Allerdings sind die Gruppen nicht vergleichbar, weil schwierigere Fälle seltener eine Geldbuße bekommen."),
            Reply("markus_weber", "de", "Das Problem der Auswahl sehe ich genauso. Wir haben deshalb eine kleine Auswertung mit gleichen Vorstrafen und ähnlichem Schaden gemacht: Nach gemeinnütziger Arbeit war die Rückfallquote etwas niedriger als nach einer Geldauflage, aber der Unterschied war statistisch nicht belastbar.", quotes=1),
            Reply("olivier_lambert", "de", "Aus Belgien kann ich Ähnliches berichten: Zwischen den Auflagen gibt es kaum Unterschiede, aber einen großen Unterschied zwischen Personen, die die Maßnahme abschließen, und solchen, die abbrechen. Wir investieren deshalb mehr in die Begleitung während der Maßnahme als in die Wahl der perfekten Auflage."),
            Reply("ursula_brandt", "de", "Danke, das ist ein guter Hinweis. Dann sollten wir weniger über die Art der Auflage streiten und mehr darüber, wie wir Abbrüche vermeiden, zum Beispiel durch Erinnerungen und flexible Termine. Ich bringe das in unsere nächste Dienstbesprechung ein."),
        ),
    ),
    Conversation(
        "prosecutor-led-diversion", "general", "yousef_nasser", "ar", "الوساطة والصلح في الجرائم البسيطة: تجارب عملية",
        "تسمح بعض التشريعات العربية للنيابة العامة باللجوء إلى **الصلح** أو **الوساطة** في الجرائم البسيطة قبل إحالة الدعوى إلى المحكمة. نريد أن نعرف كيف تنظمون ذلك عملياً: من يقوم بدور الوسيط؟ وما هي الجرائم المستبعدة من الوساطة؟ وكيف تضمنون حقوق المجني عليه؟",
        replies=(
            Reply("samira_haddad", "ar", "في المغرب ينص قانون المسطرة الجنائية على الصلح في بعض الجنح، ويحرر وكيل الملك محضراً بذلك يُعرض على رئيس المحكمة للمصادقة عليه. ونستبعد قضايا العنف ضد النساء والأطفال، لأن اختلال ميزان القوة يجعل الصلح غير متكافئ."),
            Reply("nadia_benali", "fr", "Samira a raison sur l'exclusion des violences conjugales. En France, la médiation pénale y est désormais interdite par la loi, précisément pour cette raison. Pour les petits conflits de voisinage, en revanche, nos délégués du procureur obtiennent de très bons résultats et les victimes sont satisfaites.", quotes=1),
            Reply("omar_khalil", "ar", "نعمل على برنامج تجريبي للوساطة في قضايا الإيذاء البسيط والذم والقدح. الوسيط قاضٍ متقاعد أو محامٍ مدرّب، ويُشترط حضور المجني عليه وموافقته الصريحة. النتائج الأولى مشجعة، وسنشارك التقرير هنا عند صدوره."),
            Reply("yousef_nasser", "ar", "شكراً للجميع. يبدو أن هناك اتفاقاً على استبعاد جرائم العنف الأسري، وعلى ضرورة موافقة المجني عليه. سأقترح على إدارتنا نموذجاً يجمع بين المصادقة القضائية والوسيط المدرّب، مع متابعة تنفيذ الاتفاق خلال ثلاثة أشهر."),
        ),
    ),
    # Safety and justice
    Conversation(
        "safety-and-justice", "general", "markus_weber", "de", "Grenzüberschreitende Beweisersuchen: Erfahrungen mit der Europäischen Ermittlungsanordnung",
        "Seit einigen Jahren arbeiten wir fast nur noch mit der **Europäischen Ermittlungsanordnung**. Im Prinzip ist sie schneller als die klassische Rechtshilfe, aber die Erfahrungen sind sehr unterschiedlich. Mich interessiert:\n\n- Wie lange dauert bei euch die Erledigung im Durchschnitt?\n- Welche Ersuchen machen Probleme, etwa Bankdaten oder Telekommunikation?\n- Nutzt ihr [Eurojust](https://www.eurojust.europa.eu) für die Koordinierung?",
        replies=(
            Reply("mathilde_roux", "fr", "Côté français, pour les décisions d'enquête européennes reçues d'Allemagne, nous répondons en deux à trois mois pour les auditions et les relevés bancaires. Les données de télécommunication posent davantage de difficultés depuis les arrêts sur la conservation des données. Pour les dossiers complexes, Eurojust nous fait gagner beaucoup de temps."),
            Reply("markus_weber", "de", "Danke, Mathilde, zwei bis drei Monate decken sich mit unserer Erfahrung mit Frankreich. Bei Telekommunikationsdaten haben wir dasselbe Problem. Hilft es, wenn wir in der Anordnung genauer begründen, warum die Daten für die Aufklärung der Tat unerlässlich sind?", quotes=1),
            Reply("mathilde_roux", "fr", "Oui, clairement. Une motivation précise sur la gravité des faits et la nécessité des données, avec la période exacte demandée, évite la plupart des allers-retours. Évitez aussi les demandes trop larges du type « toutes les données du compte » : elles reviennent presque toujours pour précision."),
            Reply("zeynep_aydin", "tr", "Türkiye Avrupa Birliği üyesi olmadığı için Avrupa Araştırma Kararı'nı kullanamıyoruz; Avrupa Konseyi'nin Cezai Konularda Karşılıklı Adli Yardım Sözleşmesi üzerinden çalışıyoruz. Ortalama süre altı ile on iki ay arasında. Talepleri Adalet Bakanlığı aracılığıyla gönderiyoruz ve iyi bir çeviri süreyi ciddi şekilde kısaltıyor."),
            Reply("theo_nguyen", "en", "From outside Europe the picture is similar to Zeynep's: treaty requests through the central authority take six months or more. What helped us most was a phone call between prosecutors before sending the formal request, so the other side could tell us exactly which form and wording their courts expect."),
            Reply("marco_bianchi", "it", "Confermo: con l'ordine europeo di indagine i tempi si sono ridotti molto, ma le intercettazioni restano il punto critico, perché ogni Stato ha regole diverse sull'autorizzazione del giudice. Un contatto diretto tra colleghi, anche informale, evita molti rifiuti per vizi di forma."),
            Reply("oksana_melnyk", "uk", "В Україні ми працюємо з державами ЄС за Європейською конвенцією про взаємну допомогу у кримінальних справах, а також через Євроюст, де в нас є прокурор зв'язку. Найшвидше виходить у спільних слідчих групах: докази збираються одразу за правилами обох держав і не потребують окремого запиту."),
            Reply("sabine_keller", "de", "Aus der Schweiz, die ebenfalls nicht zur EU gehört: Wir arbeiten mit klassischer Rechtshilfe, aber mit Deutschland und Frankreich gibt es den direkten Geschäftsverkehr zwischen den Justizbehörden. Das spart oft Monate. Den Tipp mit dem vorherigen Telefonat kann ich nur bestätigen."),
        ),
    ),
    Conversation(
        "safety-and-justice", "general", "priya_raman", "en", "Pretrial release reform and crime rates: what does the evidence say?",
        "Several jurisdictions have reduced the use of **money bail** in recent years, and the public debate about its effect on crime is loud. I am looking for evaluations with a credible method, not press releases from either side. What have your offices measured, and what did you find about failures to appear and new arrests?",
        locked=True,
        replies=(
            Reply("rachel_owens", "en", "Our county measured both for two years after the reform. Failures to appear rose slightly at first and fell back after we added **text reminders** for court dates. New arrests for violent offences among released defendants stayed flat. The research office's report is public, and I can post the link here."),
            Reply("theo_nguyen", "en", "Canadian data show similar patterns: reminders and clear release conditions matter more than the form of security. The harder question is the small group of people released again and again after new charges, which is where public confidence is won or lost."),
            Reply("walter_pryce", "en", "With respect, this is all academic. Anyone who has worked intake on a Monday morning knows these reforms are a disaster, and the people defending them should try explaining their charts to a victim's family. Frankly, the reformers in this thread are part of the problem.", flags=(("rachel_owens", "inappropriate", "A personal attack on other members instead of an argument about the evidence."), ("theo_nguyen", "inappropriate", "Targets colleagues rather than the question."))),
            Reply("moderator", "en", "A reminder of the board rules: disagree with arguments, not with colleagues. This thread has answered the original question with useful sources, so I am **locking** it. Please start a new thread if you have another evaluation to share, and keep the discussion on the evidence."),
        ),
    ),
    Conversation(
        "safety-and-justice", "resources-and-training", "olga_sokolova", "ru", "Материалы о профилактике преступлений в жилых кварталах",
        "Собираю материалы для семинара о роли прокуратуры в **профилактике преступлений** на уровне района: совместные рабочие группы с полицией и муниципалитетом, анализ «горячих точек», работа с управляющими компаниями. Буду благодарна за ссылки на методические пособия и отчёты об оценке таких программ, желательно на русском или английском языке.",
        replies=(
            Reply("nikolai_orlov", "ru", "Могу порекомендовать материалы Управления ООН по наркотикам и преступности о предупреждении преступности в городах, многие из них переведены на русский язык: [UNODC](https://www.unodc.org). Там есть хорошие примеры межведомственных планов с конкретными показателями."),
            Reply("pavel_morozov", "ru", "У нас есть опыт совместных рабочих групп с полицией и жителями в нескольких микрорайонах. Лучше всего сработали освещение дворов и камеры у школ, а также регулярные встречи с жителями. Могу поделиться нашим отчётом: он на русском языке, с краткими выводами на английском."),
            Reply("olga_sokolova", "ru", "Павел, это было бы очень полезно, пришлите, пожалуйста. Краткие выводы на английском я переведу для участников семинара. Особенно интересно, как вы измеряли результат: по числу заявлений в полицию или по опросам жителей?", quotes=2),
            Reply("nikolai_orlov", "ru", "Советую использовать оба показателя. Число заявлений часто растёт после запуска программы, потому что люди начинают больше доверять полиции и чаще обращаются. Без опросов жителей такой рост легко принять за ухудшение ситуации."),
        ),
    ),
    Conversation(
        "safety-and-justice", "case-law-and-practice", "wang_lei", "zh-hans", "跨境调取电子数据的程序问题",
        "在办理电信网络诈骗案件时，我们经常需要调取境外服务器上的**电子数据**。通过刑事司法协助渠道耗时很长，而直接远程提取又可能引发合法性争议。各位在实践中如何处理？法院对境外电子数据的证据能力一般怎样审查？",
        replies=(
            Reply("zhou_min", "zh-hans", "我们的做法是：能通过司法协助的尽量走正式渠道，同时对公开可访问的数据进行远程勘验，全程录像并计算哈希值。法院审查的重点是提取过程是否合法、数据是否完整，以及能否与其他证据相互印证。"),
            Reply("yang_hui", "zh-hans", "补充一点：对于境外互联网企业掌握的数据，可以先发函请求其依法保全，再通过司法协助正式调取，避免数据在漫长的程序中灭失。提取后应当制作详细的笔录，写明提取的时间、地点、方法和人员，并由见证人签名。"),
            Reply("wang_lei", "zh-hans", "远程勘验时全程录像并计算哈希值，这一点非常重要。我们曾经办理过一起案件，因为提取过程没有同步录像，辩护人对数据完整性提出质疑，最后只能补充其他证据。今后我们会把同步录像作为标准流程。", quotes=1),
        ),
    ),
    Conversation(
        "safety-and-justice", "case-law-and-practice", "nadia_benali", "fr", "Comparution immédiate : comment orienter les dossiers dès la garde à vue ?",
        "À Paris, les audiences de **comparution immédiate** finissent régulièrement tard dans la nuit. Nous réfléchissons à mieux trier les dossiers dès la garde à vue : convocation par procès-verbal, ordonnance pénale ou comparution sur reconnaissance préalable de culpabilité. Quels critères utilisez-vous pour orienter les dossiers ?",
        replies=(
            Reply("olivier_lambert", "fr", "En Belgique, la procédure accélérée existe mais elle est peu utilisée. Nous privilégions la convocation à une date proche, avec un délai de deux à trois semaines. Le critère principal reste le risque de réitération : si la personne a une situation stable, rien ne justifie une audience le soir même."),
            Reply("mathilde_roux", "fr", "Nous avons mis en place à Marseille une grille simple :\n\n| Situation | Orientation |\n|---|---|\n| Réitération, détention envisagée | comparution immédiate |\n| Faits reconnus, peine modérée | CRPC |\n| Faits simples, sans enjeu de détention | ordonnance pénale |\n\nLe nombre de dossiers jugés en comparution immédiate a baissé d'environ un tiers en un an."),
            Reply("moderator", "fr", "Merci pour ce tableau, il est très clair. J'ajouterais une ligne pour les personnes vulnérables ou souffrant de troubles psychiatriques, pour lesquelles une expertise préalable est souvent indispensable avant toute audience, quelle que soit la procédure choisie."),
            Reply("nadia_benali", "fr", "Excellente idée. Nous allons tester la grille de Mathilde pendant trois mois, avec la ligne supplémentaire proposée par Claire, puis comparer les horaires de fin d'audience et le taux de renvoi. Je vous tiendrai informés des résultats ici.", quotes=3),
        ),
    ),
    # Smart prosecution
    Conversation(
        "smart-prosecution", "general", "olga_sokolova", "ru", "Показатели работы прокуратуры: что действительно стоит измерять?",
        "Наше руководство хочет ввести систему **показателей эффективности** для отделов. Сейчас считается только число направленных в суд дел, и это стимулирует брать простые дела. Какие показатели используете вы: сроки, долю оправдательных приговоров, нагрузку на одного прокурора? Как избежать того, чтобы цифры подменяли качество работы?",
        replies=(
            Reply("oksana_melnyk", "uk", "Ми відмовилися від кількості скерованих до суду проваджень як головного показника. Тепер дивимося на строки досудового розслідування, на частку закритих проваджень з належним обґрунтуванням і на результати в суді. Важливо, щоб показники обговорювали з прокурорами, а не лише спускали згори."),
            Reply("rachel_owens", "en", "A simple set that worked for us:\n\n| Metric | What it tells you |\n|---|---|\n| Median days from referral to charging decision | speed |\n| Share of cases dismissed after filing | charging quality |\n| Open cases per prosecutor | workload |\n| Victim contacted within 14 days | service |\n\nWe review them quarterly by unit, never as individual rankings."),
            Reply("nikolai_orlov", "ru", "Таблица очень наглядная. Особенно нравится показатель доли дел, прекращённых после направления в суд: он прямо отражает качество решения о предъявлении обвинения. И важная деталь — никаких рейтингов отдельных сотрудников.", quotes=2),
            Reply("olga_sokolova", "ru", "Спасибо, коллеги. Предложу руководству начать с четырёх показателей по образцу таблицы Рэйчел и обсуждать их раз в квартал на уровне отделов, вместе с прокурорами. Через год посмотрим, изменились ли структура дел и нагрузка."),
        ),
    ),
    Conversation(
        "smart-prosecution", "resources-and-training", "rachel_owens", "en", "A spreadsheet dashboard for case-processing times",
        "## What we built\n\nWe built a small **case-processing dashboard** on top of our case-management export, using nothing but spreadsheet software. It shows the age of open cases, the time to charging decision and the time to disposition, by unit. I am happy to share the template and the definitions we agreed on. What are others using?",
        replies=(
            Reply("theo_nguyen", "en", "We went the same way before buying anything. The most valuable part was not the dashboard but the **definitions**: when does a case start, what counts as a disposition, how do you treat outstanding warrants. Without that, units compared numbers that meant different things."),
            Reply("priya_raman", "en", "We publish a public dashboard with figures aggregated by office, which improved transparency but also created pressure to chase numbers. I would recommend deciding from the start which indicators will be public and which will stay internal, for management only."),
            Reply("rachel_owens", "en", "Agreed, the definitions took us three months and several arguments; they are the first tab of the template. Priya's point about public and internal indicators is important too: we publish only aggregated quarterly figures and keep the unit-level views for management.", quotes=1),
            Reply("marco_bianchi", "en", "We run similar reports, but data quality is the biggest problem: if the type of disposition is entered wrongly, every figure built on it is worthless. Have you introduced regular sample checks of what staff enter in the case-management system?"),
            Reply("rachel_owens", "en", "Yes: each month a paralegal checks twenty random closed files against the data. The error rate started at around twelve percent and is now under three. Sharing the error rate with every unit did more for data quality than any training session we ran."),
        ),
    ),
    Conversation(
        "smart-prosecution", "case-law-and-practice", "paula_quintero", "es", "Análisis de datos para priorizar casos de hurto reiterado",
        "Estamos probando un modelo sencillo para identificar a las personas con **hurtos reiterados** en distintos despachos, que hoy se tramitan por separado y terminan con penas mínimas. La idea es acumular las investigaciones y presentar un caso más sólido ante el juez. ¿Alguien ha hecho algo parecido? ¿Qué problemas jurídicos encontraron?",
        replies=(
            Reply("mateo_rivas", "es", "En Chile agrupamos causas por imputado a través del sistema de apoyo a los fiscales. El principal problema fue la calidad de la identificación: nombres mal escritos y documentos distintos para la misma persona. Conviene cruzar por huella dactilar cuando exista, y no solo por el nombre."),
            Reply("susana_vidal", "es", "Cuidado con la protección de datos: cualquier perfilado automatizado debe tener base legal y una revisión humana de cada caso. En España tuvimos que documentar el tratamiento antes de usar los datos para priorizar. Además, la defensa pedirá saber cómo funciona el modelo.", quotes=0),
            Reply("paula_quintero", "es", "Buen punto. Nuestro modelo solo agrupa casos, no decide nada: cada fiscal revisa la propuesta de acumulación. Vamos a documentar por escrito el tratamiento y las reglas de agrupación para poder explicarlas en audiencia si la defensa lo solicita.", quotes=2),
            Reply("ramon_ortega", "es", "En México hicimos algo parecido con los robos a comercio. La clave fue nombrar a un fiscal coordinador por región, que decide las acumulaciones con base en una lista generada automáticamente. Los tiempos de decisión bajaron mucho y las penas se volvieron más coherentes."),
        ),
    ),
    Conversation(
        "smart-prosecution", "general", "mariana_costa", "pt", "Gestão por resultados no Ministério Público: por onde começar?",
        "Fui designada para coordenar um projeto de **gestão por resultados** na nossa procuradoria-geral. Temos muitos dados no sistema processual, mas pouca cultura de usá-los. Que passos vocês recomendam para começar: diagnóstico, indicadores, capacitação? E como envolver os promotores sem que o projeto pareça apenas mais uma forma de controle?",
        replies=(
            Reply("nuno_almeida", "pt", "Comece por um problema concreto que incomoda os próprios colegas, como inquéritos parados há mais de um ano. Quando os dados ajudam a resolver algo que eles já sentem no dia a dia, a adesão vem naturalmente. Os indicadores gerais podem esperar pela segunda fase."),
            Reply("tiago_ferreira", "pt", "Concordo com o Nuno. Nós começamos pelos inquéritos sem movimentação há mais de dois anos e publicamos uma lista mensal por promotoria. Em seis meses eles caíram pela metade. Depois disso, ficou muito mais fácil conversar com os colegas sobre indicadores de qualidade."),
            Reply("valeria_mendes", "pt", "Sou nova no fórum e trabalho no planejamento estratégico de outro Ministério Público estadual. Fizemos um diagnóstico com entrevistas em todas as promotorias antes de definir indicadores, e isso evitou muita resistência. Posso compartilhar o roteiro das entrevistas, se for útil.", held=True),
            Reply("mariana_costa", "pt", "Ótima sugestão. Vamos começar pelos inquéritos parados há mais de um ano, com uma lista mensal por promotoria, como fez o Tiago. Depois de seis meses avaliamos os resultados e passamos aos indicadores de qualidade.", quotes=1),
        ),
    ),
    Conversation(
        "smart-prosecution", "case-law-and-practice", "samira_haddad", "ar", "استخدام البيانات لتحديد أولويات المتابعة في جرائم الأموال",
        "نتلقى سنوياً آلاف الشكايات المتعلقة بإصدار شيكات بدون رصيد وبالنصب، ولا يمكن معالجتها كلها بنفس السرعة. هل تستعملون معايير مكتوبة أو أدوات لتحليل البيانات لتحديد **الأولويات**؟ نفكر في معايير مثل قيمة الضرر، وعدد الضحايا، ووجود شبكة منظمة.",
        replies=(
            Reply("omar_khalil", "ar", "لدينا جدول بسيط يمنح نقاطاً لكل ملف حسب قيمة الضرر وعدد المتضررين وتكرار اسم المشتكى به في ملفات أخرى. الملفات ذات النقاط العالية تُحال إلى وحدة متخصصة. والأهم أن المعايير مكتوبة ومعلنة داخلياً حتى لا يُتهم أحد بالانتقائية."),
            Reply("nadia_benali", "ar", "في تجربتنا كان المعيار الأكثر فائدة هو **عدد المشتكين** ضد الشخص نفسه: التجميع الآلي للشكايات يكشف عمليات نصب متسلسلة لم يكن أحد يراها عند دراسة كل ملف على حدة. لكن يجب الانتباه إلى جودة البيانات التي تدخلها المصالح المختلفة."),
            Reply("yousef_nasser", "ar", "ملاحظة الزميلة نادية مهمة جداً. تجميع الشكايات حسب المشتكى به كشف لدينا أكثر من مرة عمليات نصب متسلسلة. لكن ذلك يتطلب إدخال البيانات بشكل موحد، خاصة الأسماء وأرقام الهوية وأرقام الحسابات البنكية.", quotes=2),
            Reply("samira_haddad", "ar", "شكراً لكم جميعاً. سنبدأ بتوحيد إدخال البيانات في مكتب الضبط، ثم نعتمد جدول النقاط الذي اقترحه الزميل عمر مع إضافة معيار عدد المشتكين. وسنراجع النتائج بعد ستة أشهر ونشاركها في هذا المنتدى."),
        ),
    ),
    # Violence against women reduction
    Conversation(
        "violence-against-women-reduction", "general", "samira_haddad", "ar", "تدابير الحماية في قضايا العنف ضد النساء: كيف نسرّع التنفيذ؟",
        "رغم وجود نصوص قانونية تسمح بإصدار **تدابير الحماية** لفائدة النساء ضحايا العنف، فإن تنفيذها يتأخر أحياناً أياماً عديدة. كيف تضمنون تبليغ المعتدي بقرار الإبعاد بسرعة؟ ومن يتابع احترامه للقرار بعد ذلك؟ أرحب بتجارب من مختلف البلدان.",
        replies=(
            Reply("nadia_benali", "fr", "En France, l'**ordonnance de protection** est délivrée par le juge aux affaires familiales en six jours en principe, et le parquet peut demander un bracelet anti-rapprochement. Ce qui a le plus accéléré l'exécution, c'est la notification par la police le jour même, avec une copie remise à la victime."),
            Reply("omar_khalil", "ar", "في الأردن يصدر أمر الحماية ويُبلَّغ عن طريق الوحدة المختصة بحماية الأسرة. نجحنا في تقليص المدة عندما خصصنا ضابط ارتباط في كل مركز أمني يتولى التبليغ ويُعلم النيابة فوراً بأي خرق للأمر."),
            Reply("priya_raman", "en", "One lesson from our side: a protection order is only as good as the response to its first breach. We treat every reported violation as a priority charge, and we make sure the victim is told within twenty-four hours what happened to her report. Otherwise victims stop reporting breaches."),
            Reply("samira_haddad", "ar", "شكراً نادية، فكرة التبليغ في نفس اليوم بواسطة الشرطة مع تسليم نسخة للضحية عملية جداً. سأقترحها على خلية التكفل بالنساء ضحايا العنف في المحكمة الابتدائية خلال الاجتماع المقبل.", quotes=1, edited_to="شكراً نادية، فكرة التبليغ في نفس اليوم بواسطة الشرطة مع تسليم نسخة للضحية عملية جداً. سأقترحها على خلية التكفل بالنساء ضحايا العنف في المحكمة الابتدائية خلال الاجتماع المقبل، وسأقترح أيضاً أن تُعامل كل مخالفة لتدابير الحماية كقضية ذات أولوية، كما نصحت الزميلة بريا."),
            Reply("yousef_nasser", "ar", "تجربة مفيدة. نحن أيضاً نعمل على ربط إلكتروني بين النيابة والشرطة لتسجيل أوامر الحماية، بحيث يظهر الأمر لأي دورية عند التحقق من هوية الشخص. هذا يسهل التدخل السريع عند أي خرق ويحمي الضحية بشكل أفضل."),
        ),
    ),
    Conversation(
        "violence-against-women-reduction", "case-law-and-practice", "theo_nguyen", "en", "Proceeding without the complainant's testimony in intimate partner violence cases",
        "When a complainant recants or does not appear, we increasingly rely on **evidence-based prosecution**: emergency call recordings, body-worn camera footage of the first statement, photographs of injuries, medical records. What has held up in your courts? In particular, how do you handle hearsay challenges to the statement captured on the officer's camera?",
        replies=(
            Reply("rachel_owens", "en", "The emergency call is usually our strongest piece because it is made during the emergency, so it is often admitted as an excited utterance or found non-testimonial. The body-camera statement is harder: if the officer asks structured questions after the danger has passed, expect it to be ruled testimonial."),
            Reply("priya_raman", "en", "We train officers to record the scene before questioning anyone: the injuries, the broken furniture, the presence of children, the suspect's demeanour. None of that is hearsay, and juries find it persuasive. We also ask for follow-up photographs two or three days later, when bruising is more visible."),
            Reply("marco_bianchi", "en", "In Italy the question is framed differently, because there is no hearsay exclusion rule as such, but judges still expect material evidence. The officers' findings at the scene, medical certificates and the neighbours' accounts often allow us to proceed even when the victim withdraws her statement."),
            Reply("theo_nguyen", "en", "The follow-up photographs are a great point, and cheap to put in place; they go into our investigative checklist. Marco's description reminds me that our judges respond to the same thing: independent material evidence rather than a single statement.", quotes=2),
        ),
    ),
    Conversation(
        "violence-against-women-reduction", "resources-and-training", "susana_vidal", "es", "Herramientas de valoración del riesgo en violencia de género",
        "En España trabajamos con el sistema **VioGén**, que asigna un nivel de riesgo a cada caso y determina las medidas policiales de protección. Me gustaría conocer otras herramientas de valoración del riesgo usadas por fiscalías: ¿cómo se validan?, ¿quién las aplica?, ¿orientan de algún modo la decisión del fiscal sobre medidas cautelares?",
        replies=(
            Reply("paula_quintero", "es", "En Colombia, la valoración del riesgo la realiza Medicina Legal a solicitud de la Fiscalía. No vincula al fiscal, pero sí orienta la solicitud de medidas de protección. El problema es la demora: a veces el informe llega semanas después de la denuncia, cuando el peligro ya pasó o ya se concretó."),
            Reply("mariana_costa", "pt", "No Brasil, o **Formulário Nacional de Avaliação de Risco** deve ser aplicado nos casos de violência doméstica, de preferência já na delegacia. Ele ajuda muito o promotor a fundamentar o pedido de medidas protetivas de urgência, que o juiz deve decidir em até quarenta e oito horas."),
            Reply("susana_vidal", "es", "Muy útil, Mariana. Me interesa que se aplique desde la comisaría, porque en nuestra experiencia la primera valoración es la más importante. ¿El formulario lo responde la víctima sola o con ayuda del agente? Eso cambia mucho la calidad de las respuestas.", quotes=2),
            Reply("mariana_costa", "pt", "Ela responde com o apoio de quem a atende, policial ou servidor do Ministério Público, e pode se recusar a responder a alguma pergunta. O formulário também é usado depois, nas audiências, para reavaliar o risco se a situação da vítima mudar."),
        ),
    ),
    Conversation(
        "violence-against-women-reduction", "general", "zhou_min", "zh-hans", "人身安全保护令：被申请人违反后如何追究责任？",
        "反家庭暴力法实施以来，法院签发的**人身安全保护令**越来越多，但被申请人违反保护令的情况也时有发生。检察机关在这方面能发挥什么作用？对于情节严重的违反行为，各地是否以拒不执行判决、裁定罪追究刑事责任？",
        replies=(
            Reply("wang_lei", "zh-hans", "我们院与法院、公安机关建立了信息共享机制，保护令签发后同步推送给辖区派出所。对于多次违反保护令、情节恶劣的，我们依法以拒不执行判决、裁定罪提起公诉，起到了很好的警示作用。"),
            Reply("yang_hui", "zh-hans", "补充一点：检察机关还可以通过**法律监督**，督促公安机关及时处理违反保护令的报警。我们发现，一些派出所把违反保护令当作普通家庭纠纷调解处理，这种做法需要通过检察建议加以纠正。"),
            Reply("zhou_min", "zh-hans", "信息共享机制很值得借鉴。我们也准备与法院、公安机关会签协作意见，明确保护令送达、执行和违反后的处理流程，并定期发布典型案例，让被害人知道保护令是真正有效的。", quotes=1),
        ),
    ),
    Conversation(
        "violence-against-women-reduction", "case-law-and-practice", "sabine_keller", "de", "Verstöße gegen Kontakt- und Rayonverbote konsequent verfolgen",
        "Bei uns werden **Kontakt- und Rayonverbote** häufig verletzt, und viele Verstöße bleiben folgenlos, weil die Anzeige erst Wochen später bei der Staatsanwaltschaft landet. Wie organisiert ihr den Informationsfluss zwischen Polizei, Gericht und Staatsanwaltschaft? Und setzt ihr elektronische Überwachung ein?",
        replies=(
            Reply("ursula_brandt", "de", "In Österreich hilft uns, dass die Polizei ein Betretungs- und Annäherungsverbot selbst aussprechen kann und jeder Verstoß sofort angezeigt wird. Wir haben für diese Anzeigen eine eigene Eingangskennung eingeführt, damit sie nicht im allgemeinen Postlauf untergehen."),
            Reply("markus_weber", "de", "Nach dem Gewaltschutzgesetz ist der Verstoß gegen eine gerichtliche Anordnung strafbar. Entscheidend ist, dass die Staatsanwaltschaft die Anordnung überhaupt kennt. Wir lassen uns die Beschlüsse der Familiengerichte inzwischen automatisch übermitteln, das hat die Verfahrensdauer deutlich verkürzt."),
            Reply("zeynep_aydin", "tr", "Türkiye'de 6284 sayılı Kanun kapsamında verilen koruyucu tedbirlerin ihlali zorlama hapsine yol açabiliyor. Elektronik kelepçe de kullanılıyor ve ihlal anında kolluğa ve savcılığa bildirim gidiyor. Sistem kusursuz değil, ama hızlı müdahale açısından büyük bir fark yarattı."),
            Reply("sabine_keller", "de", "Danke, Zeynep, das ist ein spannender Vergleich. Die sofortige Meldung an Polizei und Staatsanwaltschaft ist genau das, was uns fehlt. Ich werde vorschlagen, die elektronische Überwachung zumindest in Hochrisikofällen zu prüfen und die automatische Übermittlung der Verfügungen einzuführen.", quotes=3),
        ),
    ),
    # Victims' rights
    Conversation(
        "victims-rights", "resources-and-training", "areamod", "es", "Recursos esenciales sobre los derechos de las víctimas",
        "Reúno aquí los recursos que más se consultan en este tablero; la lista se irá actualizando:\n\n- **Directiva 2012/29/UE** sobre los derechos, el apoyo y la protección de las víctimas, en [EUR-Lex](https://eur-lex.europa.eu).\n- Las guías de las oficinas de asistencia a las víctimas del delito.\n- La Declaración de las Naciones Unidas sobre los principios fundamentales de justicia para las víctimas.\n\nSi conocen otros materiales útiles y públicos, compártanlos en este hilo.",
        pinned=True,
        replies=(
            Reply("mateo_rivas", "es", "Sumo la guía de atención a víctimas y testigos de nuestra fiscalía, que explica paso a paso qué información debe recibir la víctima en cada etapa del proceso. Es pública y está pensada para personas sin formación jurídica, con un lenguaje muy claro."),
            Reply("ramon_ortega", "es", "Sugiero incluir la **Ley General de Víctimas** de México y los materiales de la Comisión Ejecutiva de Atención a Víctimas, que explican el registro y las medidas de reparación. Son públicos y sirven como referencia comparada para otros países de la región."),
            Reply("paula_quintero", "es", "Desde Colombia recomiendo la guía de la Oficina de las Naciones Unidas contra la Droga y el Delito sobre justicia para las víctimas, disponible en español en la web de [UNODC](https://www.unodc.org). Incluye listas de verificación útiles para fiscales y personal de atención."),
            Reply("areamod", "es", "Gracias a los tres, incorporo sus aportaciones a la lista. Recuerdo que en este hilo solo compartimos materiales públicos: nada de documentos internos ni datos de víctimas, aunque estén anonimizados. Para preguntas concretas, abran un hilo nuevo en el tablero general."),
        ),
    ),
    Conversation(
        "victims-rights", "general", "wang_lei", "zh-hans", "被害人告知制度：何时、如何告知案件进展？",
        "我们正在完善**被害人告知**工作：审查起诉、作出不起诉决定、提起公诉和判决等关键节点都应当告知被害人。但实际操作中，电话经常打不通，书面通知又太慢。各位采用什么方式？是否使用短信或专门的平台？",
        replies=(
            Reply("theo_nguyen", "en", "We use an automated notification service: victims register once, and they receive a text message or an e-mail when the case reaches a key stage, such as a bail hearing, a charging decision, a trial date or a sentence. Staff still call personally for the most sensitive moments, like a decision not to prosecute."),
            Reply("zhou_min", "zh-hans", "自动通知加上关键节点人工电话，这个组合很合理。我们也在试点短信通知，但要特别注意隐私保护：短信内容不能包含案情细节，只提示被害人登录平台或者致电承办检察官查询。", quotes=1),
            Reply("areamod", "es", "En España la víctima puede pedir que se le notifiquen las resoluciones importantes, incluida la puesta en libertad del investigado. Lo que más valoran las víctimas, según nuestras encuestas, no es el canal, sino que alguien les explique qué significa cada decisión."),
            Reply("wang_lei", "zh-hans", "西班牙同行说得很对，被害人最需要的是解释，而不仅仅是通知。我们准备在不起诉决定和判决之后安排检察官当面或电话解释，并把常见问题整理成通俗易懂的说明材料。", quotes=3),
        ),
    ),
    Conversation(
        "victims-rights", "case-law-and-practice", "mathilde_roux", "fr", "Accès de la partie civile au dossier pendant l'enquête",
        "Une association d'aide aux victimes nous demande de permettre aux **parties civiles** de consulter plus tôt certaines pièces de l'enquête, notamment les expertises médicales. Nous craignons de compromettre les investigations. Comment conciliez-vous le droit à l'information des victimes et le secret de l'enquête ?",
        replies=(
            Reply("olivier_lambert", "fr", "En Belgique, la victime peut demander l'accès au dossier au juge d'instruction, qui peut refuser pour les besoins de l'enquête. Dans l'information menée par le parquet, c'est nous qui décidons. En pratique, nous communiquons assez tôt les expertises médicales, qui concernent la victime elle-même."),
            Reply("moderator", "fr", "Même pratique à Lyon : les pièces qui concernent directement la victime, comme ses propres certificats médicaux, peuvent lui être communiquées sans risque. Pour le reste, une réunion d'information avec l'avocat de la partie civile suffit souvent à rassurer la famille."),
            Reply("sabine_keller", "fr", "En Suisse, la partie plaignante a en principe accès au dossier au plus tard après la première audition du prévenu et l'administration des preuves principales. Avant, le ministère public peut restreindre cet accès. Cette limite claire a mis fin à beaucoup de discussions avec les avocats des victimes."),
            Reply("mathilde_roux", "fr", "L'idée d'une limite temporelle claire est séduisante : elle évite de décider au cas par cas et donne de la prévisibilité aux avocats. Nous allons proposer une note de service qui s'en inspire, en commençant par les expertises médicales.", quotes=3),
        ),
    ),
    Conversation(
        "victims-rights", "general", "priya_raman", "en", "Victim impact statements: written, recorded or in person?",
        "Our court now allows **victim impact statements** in three forms: written, pre-recorded video, or read in person at the sentencing hearing. Victims ask us which is best, and honestly we do not know. What do victims in your jurisdiction choose, and have you seen any form carry more weight with the court?",
        replies=(
            Reply("theo_nguyen", "en", "Most of our victims choose written statements, often read aloud by the Crown. The in-person option matters for a minority, usually in homicide and serious sexual assault cases. What victims tell us afterwards is that being offered the choice mattered more than the format itself."),
            Reply("marco_bianchi", "it", "In Italia la vittima non ha uno strumento identico, ma può rendere dichiarazioni e, come parte civile, intervenire tramite il suo avvocato. Le associazioni delle vittime chiedono da anni uno spazio più simile al vostro, soprattutto nei processi per omicidio stradale."),
            Reply("rachel_owens", "en", "We prepare victims carefully for the in-person option: what the defence may object to, what the judge cannot consider, and how long they can speak. Unprepared statements that demand a specific sentence can backfire, so our victim advocates go through a draft with them."),
            Reply("priya_raman", "en", "That matches our experience: the choice itself matters. We will describe the three options in a one-page leaflet, with a clear note that the court alone decides the sentence, and offer every victim a meeting with an advocate before the hearing.", quotes=1),
        ),
    ),
    Conversation(
        "victims-rights", "case-law-and-practice", "nuno_almeida", "pt", "Declarações para memória futura de vítimas especialmente vulneráveis",
        "Em Portugal, as vítimas especialmente vulneráveis podem prestar **declarações para memória futura** logo no inquérito, evitando repetir o depoimento em julgamento. Ainda assim, muitos juízes voltam a chamar a vítima. Como funciona nos vossos países? Há salas próprias e técnicos especializados a acompanhar a inquirição?",
        replies=(
            Reply("mariana_costa", "pt", "No Brasil temos o **depoimento especial**, obrigatório para crianças e adolescentes vítimas ou testemunhas de violência, realizado em sala própria com um profissional capacitado. Para adultos vulneráveis ainda depende muito de cada juiz. A gravação é usada em todo o processo."),
            Reply("susana_vidal", "es", "En España la prueba preconstituida es obligatoria para menores de catorce años y personas con discapacidad necesitadas de especial protección. Las salas adaptadas se han generalizado, pero todavía hay juzgados sin medios. La clave es que la defensa esté presente para que no haya que repetir la declaración."),
            Reply("zeynep_aydin", "tr", "Türkiye'de çocuk mağdurların ifadeleri **Çocuk İzlem Merkezlerinde** uzman eşliğinde ve mümkünse tek seferde alınıyor; görüntü ve ses kaydı yapılıyor. Amaç, çocuğun aynı olayı defalarca anlatmasını önlemek. Yetişkin kırılgan mağdurlar için benzer bir uygulama henüz yaygın değil."),
            Reply("nuno_almeida", "pt", "A presença da defesa é exatamente o argumento que usamos para evitar a repetição: se o contraditório foi assegurado, não há razão para voltar a ouvir a vítima. Vou propor uma orientação interna que exija sempre a notificação do defensor para a diligência.", quotes=2),
            Reply("mariana_costa", "pt", "Concordo. Recomendo também registrar por escrito, na ata, que a defesa teve oportunidade de formular perguntas. Isso reduz muito os pedidos de nova oitiva e protege a vítima de reviver o trauma diante do tribunal."),
        ),
    ),
    Conversation(
        "victims-rights", "general", "ursula_brandt", "de", "Psychosoziale Prozessbegleitung: Erfahrungen aus der Praxis",
        "In Österreich haben Opfer von Gewalt- und Sexualdelikten Anspruch auf **psychosoziale und juristische Prozessbegleitung**. Die Rückmeldungen sind sehr gut: Die Opfer sind besser vorbereitet, ihre Aussagen stabiler. Gibt es vergleichbare Angebote bei euch, und wie arbeitet die Staatsanwaltschaft mit den Begleitstellen zusammen?",
        replies=(
            Reply("markus_weber", "de", "In Deutschland gibt es die psychosoziale Prozessbegleitung seit einigen Jahren ebenfalls, bei Kindern und bei schweren Gewalttaten auf Beiordnung durch das Gericht. Wir informieren die Opfer schon bei der ersten Vernehmung schriftlich über das Angebot, sonst erfahren viele zu spät davon."),
            Reply("sabine_keller", "de", "Bei uns in Zürich läuft das über die Opferberatungsstellen. Im laufenden Verfahren gegen den Jugendtrainer aus unserem Nachbarbezirk hat die Begleitung der drei Jugendlichen enorm geholfen, obwohl die Verteidigung die Einvernahmetermine ständig verschoben hat.", flags=(("ursula_brandt", "confidential", "Beschreibt ein laufendes Verfahren so genau, dass die Betroffenen erkennbar sein könnten."),)),
            Reply("ursula_brandt", "de", "Danke euch. Die schriftliche Information bei der ersten Vernehmung nehmen wir in unser Formular auf. Eine Bitte an alle: Beispiele aus laufenden Verfahren bitte so allgemein halten, dass niemand erkennbar ist, gerade in einem öffentlichen Bereich des Forums."),
        ),
    ),
]
# fmt: on
