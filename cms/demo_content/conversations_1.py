"""Demo conversations, part 1: animal abuse, child abuse, gun violence, high performance,
juvenile justice and the Major County Prosecution Council, in the site's eight languages and
in Italian, Ukrainian and Turkish. The script's format is described in cms/seed_forum.py.
"""

# Russian, Ukrainian and Chinese text is meant: its letters are not look-alikes of Latin ones.
# ruff: noqa: RUF001

from cms.seed_forum import parse_script, parse_voices

VOICES = parse_voices(
    """
bsouza | Beatriz Souza | Ministério Público do Estado de São Paulo | Brazil | pt es
dramirez | Diego Ramírez | Fiscalía General de la Nación | Colombia | es en
evolkova | Елена Волкова | Прокуратура Новосибирской области | Russia | ru en
ahaddad | أميرة حداد | النيابة العامة | Jordan | ar en
kbenali | Karim Benali | Parquet de Marseille | France | fr ar
chenwei | 陈伟 | 上海市人民检察院 | China | zh-hans en
lina | 李娜 | 北京市人民检察院 | China | zh-hans
hbrandt | Helga Brandt | Staatsanwaltschaft Hamburg | Germany | de en
jkeller | Jonas Keller | Staatsanwaltschaft des Kantons Zürich | Switzerland | de fr
cferri | Claudia Ferri | Procura della Repubblica di Bologna | Italy | it fr en
hkovalenko | Ганна Коваленко | Офіс Генерального прокурора | Ukraine | uk ru en
eyildiz | Emre Yıldız | Ankara Cumhuriyet Başsavcılığı | Türkiye | tr en
gokafor | Grace Okafor | Office of the Director of Public Prosecutions | Nigeria | en
dhughes | Daniel Hughes | Office of the State Attorney | United States | en es
lmendes | Laura Mendes | Procuradoria-Geral da República | Portugal | pt fr
falaoui | فاطمة العلوي | رئاسة النيابة العامة | Morocco | ar fr
aroux | Amélie Roux | Parquet de Bordeaux | France | fr en
gortega | Gabriel Ortega | Ministerio Público Fiscal | Argentina | es pt
dsokolov | Дмитрий Соколов | Прокуратура Свердловской области | Russia | ru
kvogel | Katrin Vogel | Staatsanwaltschaft Wien | Austria | de en
"""
)

CONVERSATIONS = parse_script(
    """
@@ animal-abuse-prosecution
=== general gortega es | ¿Cómo documentan las lesiones en casos de maltrato animal?
Nuestros casos de maltrato animal se caen por falta de prueba pericial: el veterinario no sabe
redactar un informe útil para el juicio. ¿Tienen un protocolo de **necropsia forense** o una
plantilla para las clínicas?
[bsouza pt q0] Em São Paulo temos um convênio com a faculdade de veterinária: o laudo segue um
modelo fixo, com fotos numeradas, escala métrica, radiografias e a cronologia das lesões.
[gortega es] Muy útil, Beatriz. ¿El convenio cubre la cadena de custodia del cadáver? Aquí el
cuerpo se entrega al dueño o se incinera antes de que la fiscalía ordene la necropsia.
[bsouza pt] Cobre, sim. A polícia lacra o corpo e o leva ao hospital veterinário da universidade,
que o guarda em câmara fria por trinta dias. O promotor é avisado no mesmo dia.
[areamod es] Desde España: el SEPRONA de la [Guardia Civil](https://www.guardiacivil.es) trabaja
con veterinarios forenses. Conviene pedirles sus actas de inspección y usarlas como modelo para las
clínicas privadas de la zona.
=== case-law-and-practice dhughes en |
Animal fighting cases: linking seized animals to the defendant
We seized forty dogs from a suspected fighting ring; the defense says none belong to the client.
What evidence has proved **ownership and control** for you, beyond feed receipts and vet records?
[gokafor en] Phone extractions were decisive for us: fighters film training and matches and trade
videos to arrange bets. Get a warrant covering messaging apps and payments made on fight nights.
[dhughes en q1] Good point about fight nights. Our digital forensics unit is backlogged for months,
though. Did you wait for the extraction before charging, or find a way to prioritise it?
[gokafor en] We charged possession first, on the physical evidence, and added the fighting counts
when the extraction came back. The judge allowed the amendment because the facts had not changed.
=== resources-and-training aroux fr |
Formation : la maltraitance animale, signal d'alerte des violences intrafamiliales
Nous préparons une formation pour enquêteurs et inspecteurs vétérinaires : un animal maltraité au
domicile est souvent le premier signe de **violences conjugales**. Quels supports utilisez-vous ?
[kbenali fr] À Marseille, les agents intervenant pour un animal remplissent une grille de dix
questions. Deux réponses positives, et ils signalent la situation au parquet et aux services.
[cferri it] A Bologna abbiamo fatto un corso simile con la polizia locale: mezza giornata, con casi
reali anonimizzati. Posso mandarvi le slide in italiano, se qualcuno le traduce in francese.
[moderator fr q2] Merci Claudia, très bonne idée. Si vous déposez ces supports ici, retirez tout ce
qui permettrait d'identifier une famille, en particulier les photos prises au domicile.
=== general chenwei zh-hans | 虐待动物案件的电子证据固定问题
最近我们办理了一起网上直播虐待动物的案件，视频很快被删除，平台只保留了部分日志。请问各位在调取平台
数据、固定电子证据方面有什么好的做法？
[lina zh-hans] 我们的经验是第一时间向平台发出调取证据通知书，要求保全原始视频、上传账号和支付记录。
电子数据提取笔录一定要完整，包括哈希值。
[chenwei zh-hans] 谢谢李检察官。还有一个问题：直播观众中有人打赏，是否可以认定为共同犯罪？我们内部
意见分歧很大，有的同事认为只能作为量刑情节考虑。
[lina zh-hans q2] 单纯打赏一般难以认定为共犯，除非有证据证明观众提出了具体的虐待要求并支付了对价。
这种情况可以考虑教唆，但需要完整的聊天记录。
=== case-law-and-practice kvogel de | Tierhalteverbot als Weisung bei der Einstellung?
Wir überlegen, leichte Fälle von Tierquälerei künftig gegen eine Weisung einzustellen: ein
befristetes **Tierhalteverbot** mit Kontrollen durch das Veterinäramt. Hat jemand von euch schon
Erfahrung damit?
[jkeller de] In Zürich klappt das nur, wenn das Veterinäramt wirklich kontrolliert. Wir vereinbaren
vorher schriftlich, wer wie oft vorbeischaut und wie ein Verstoß an uns gemeldet wird.
[hbrandt de q1] Genau. Bei uns wertete lange niemand die Meldungen aus. Heute führt eine
Rechtspflegerin eine Liste mit Fristen, und jeder Verstoß landet sofort beim zuständigen Dezernat.
@@ child-abuse-prosecution
=== case-law-and-practice gokafor en | Forensic interviews: one interview or several?
Our guidelines say a child is interviewed **once**, on video, by a trained person. Yet the defense
often asks for a second interview, and judges sometimes agree. How do your systems handle it?
- Is the recording admitted as evidence in chief?
- Who decides whether a second session is justified?
[dhughes en] In our state the recording comes in under a hearsay exception, but the child must
still be available for cross-examination. We keep that to one short session.
[moderator fr q0] En France, l'audition filmée du mineur peut remplacer une nouvelle audition. Une
confrontation reste possible, mais le juge doit la motiver au regard de l'intérêt de l'enfant.
[hbrandt de q2] Ähnlich bei uns: Die richterliche Videovernehmung darf in der Hauptverhandlung
abgespielt werden, wenn die Verteidigung mitwirken konnte. Deshalb laden wir sie zu jeder
Vernehmung ein.
[cferri it] In Italia usiamo l'incidente probatorio: l'audizione protetta del minore avviene
davanti al giudice, con uno psicologo, e le domande della difesa passano sempre attraverso
l'esperto.
[gokafor en q3] Inviting the defense to the first interview costs time early, but it probably
prevents the second interview later. Does anyone measure how long these delays really are?
[member en] We track it. The median delay between disclosure and the recorded interview went from
three days to eleven once we required defense notice, so now we book the room first.
[edit] We track it. The median delay between disclosure and the recorded interview went from three
days to nine once we required defense notice, so now we book the room first. (Nine, not eleven.)
=== general evolkova ru | Допрос несовершеннолетнего свидетеля: кто должен присутствовать?
Коллеги, закон требует участия педагога или психолога при допросе ребёнка, но следователи часто
приглашают случайного специалиста. Как вы подбираете **психолога** и кто оплачивает его работу?
[dsokolov ru] У нас есть список психологов областного центра помощи детям. Следователь выбирает
специалиста из этого списка, а прокурор проверяет, не было ли у специалиста контактов с семьёй.
[hkovalenko uk] В Україні ми створили кімнати для допиту дітей за моделлю «Барнахус». Психолог
працює там постійно, і дитина бачить одну й ту саму людину від першої розмови до суду.
[evolkova ru q2] Спасибо, Ганна. Модель «Барнахус» у нас обсуждали, но не хватило средств. Начнём,
наверное, с одной комнаты и одного постоянного психолога в областном центре. Поделитесь
требованиями к оборудованию?
=== resources-and-training bsouza pt | Guia prático: depoimento especial de crianças
Compartilho o roteiro que usamos para capacitar promotores no **depoimento especial** da Lei
13.431/2017 (texto no [Planalto](https://www.planalto.gov.br)): a sala, o entrevistador forense e o
papel do promotor.
[lmendes pt] Obrigada! Em Portugal as declarações para memória futura seguem lógica parecida. O
promotor faz perguntas ao entrevistador pelo ponto eletrônico ou envia tudo por escrito antes?
[bsouza pt q1] Ambos: mandamos perguntas antes e pedimos esclarecimentos pelo ponto durante a
transmissão. O entrevistador adapta a linguagem à idade e pode recusar uma pergunta inadequada.
[dramirez es] En Colombia la entrevista forense la hace un profesional de bienestar familiar y el
fiscal observa desde otra sala. ¿Existe el roteiro en español, o podemos traducirlo nosotros?
=== general ahaddad ar | التنسيق بين النيابة العامة ومراكز حماية الطفل
نعمل على بروتوكول تعاون بين النيابة العامة ومراكز حماية الأسرة والطفل، حتى يُستمع إلى الطفل مرة
واحدة فقط ويحصل على دعم نفسي فوري. ما البنود التي ترونها ضرورية؟
[falaoui ar] أهم بند في رأيي هو مهلة قصيرة لإحالة الطفل إلى الطبيب الشرعي، وتعيين شخص مسؤول عن
إبلاغ الأسرة بكل مرحلة من مراحل القضية حتى صدور الحكم.
[kbenali fr q0] En français : à Marseille, la convention avec l'unité pédiatrique prévoit
l'audition filmée à l'hôpital, l'examen médico-légal le même jour et un référent pour la famille.
[ahaddad ar] شكراً لكما. فكرة الشخص المرجعي الواحد للأسرة مهمة جداً وسنضيفها إلى المسودة، كما
سنقترح إجراء الفحص الطبي والاستماع إلى الطفل في المكان نفسه واليوم نفسه.
=== case-law-and-practice dramirez es | Prueba anticipada en delitos sexuales contra menores
La defensa impugna la prueba anticipada si el menor declaró antes de que el imputado estuviera
vinculado al proceso. ¿Esperan a la imputación o practican la prueba cuanto antes?
[gortega es] En Argentina hacemos la cámara Gesell cuanto antes y notificamos al defensor oficial
para que controle la prueba aunque no haya imputado. Los tribunales la han admitido casi siempre.
[areamod es q1] Coincido. En España el Tribunal Supremo exige que la defensa haya podido
intervenir, y el defensor de oficio cumple esa función. Una grabación solo policial no basta.
[bsouza pt] No Brasil é parecido: o depoimento especial é produzido como prova antecipada, e a
defensoria pública participa quando ainda não há réu identificado. A criança não é ouvida de novo.
@@ gun-violence-reduction
=== general dhughes en | Firearms tracing requests: how long do yours take?
Every crime gun we recover now gets a trace request through the [ATF National Tracing
Center](https://www.atf.gov/firearms/national-tracing-center). Urgent traces take a day, routine
ones weeks. How do you decide what is **urgent**?
[member en] We flag a trace as urgent when the gun is linked to a shooting with injuries or to a
suspect still at large. Results go into a spreadsheet three neighbouring offices can read.
[gokafor en q1] Spreadsheets break when someone sorts them wrongly. We keep a small database, one
row per recovered firearm: serial number, place, trace result, case and prosecutor. Patterns
appeared within months.
[hbrandt de] Aus deutscher Sicht: Wir haben keine zentrale Rückverfolgung wie in den USA, sondern
fragen das Nationale Waffenregister ab. Spannend wäre, wie oft Tatwaffen legal erworben wurden.
[flag member off_topic] A comparison with Germany is interesting but it belongs in its own thread.
=== case-law-and-practice hbrandt de | Ballistische Spurenvergleiche bei Schussserien
Im selben Viertel fielen mehrere Schüsse, und die Kriminaltechnik vergleicht Hülsen und Projektile.
Wie geht ihr mit Gutachten um, die nur eine **wahrscheinliche** Übereinstimmung feststellen?
[jkeller de] Allein reicht das selten. Es braucht zusätzlich Verbindungsdaten, Zeugenaussagen oder
die Waffe. Das Gutachten hilft aber, die Taten als Serie bei einer Staatsanwältin zu bündeln.
[kvogel de q1] Sehe ich auch so. Wichtig ist, dass der Sachverständige seine Skala offenlegt. In
Wien verwarf ein Gericht ein Gutachten, weil unklar war, was „wahrscheinlich“ bedeutete.
[eyildiz tr] Bizde de yakın zamana kadar benzer bir sorun vardı. Laboratuvar raporlarındaki
olasılık ifadeleri standart değildi. Şimdi her raporda ölçek açıkça yazılıyor ve savcılar bunu
mahkemede anlatabiliyor.
=== resources-and-training kbenali fr | Trafic d'armes : entraide pénale avec les pays voisins
Nous saisissons des armes de guerre venues des Balkans et les demandes d'entraide
prennent des mois. Quelqu'un a-t-il un modèle de demande efficace, ou un contact utile
à [Eurojust](https://www.eurojust.europa.eu) ?
[cferri it] Lavoriamo con squadre investigative comuni tramite Eurojust: firmato l'accordo, le
prove raccolte in un paese valgono anche nell'altro, senza nuove rogatorie. Poi tutto va più
veloce.
[jkeller de q0] Die Schweiz ist nicht in der EU, aber arbeitet über eine Verbindungsstaatsanwältin
mit Eurojust. Mein Tipp: Seriennummern und Fotos der Waffen gleich mitschicken, dann beginnt die
Rückverfolgung sofort.
[moderator fr q2] Merci Jonas, conseil précieux. Une équipe commune d'enquête suppose un intérêt
réel des deux parquets : une note courte montrant ce que chaque pays y gagne accélère la signature.
=== general falaoui ar | الأسلحة النارية المصنوعة يدوياً: تحديات الإثبات
نلاحظ ارتفاعاً في ضبط أسلحة نارية مصنوعة يدوياً في ورشات صغيرة، بلا أرقام تسلسلية ويصعب ربطها
بمصدرها. كيف تتعاملون مع الخبرة التقنية؟ وهل تتابعون موردي القطع؟
[ahaddad ar] نطلب من المختبر الجنائي تحديد الأدوات المستعملة في التصنيع، لأن آثارها قد تربط عدة
أسلحة بالورشة نفسها. ونتتبع أيضاً مشتريات الأنابيب المعدنية والنوابض من المتاجر القريبة.
[falaoui ar q1] فكرة آثار الأدوات ممتازة ولم نجربها بعد. سأقترح على المختبر قاعدة بيانات لصور هذه
الآثار، لمقارنة كل سلاح جديد بالأسلحة المضبوطة سابقاً في مختلف المدن.
[ahaddad ar] بكل سرور. ننصح أيضاً بتصوير الآثار بالمقياس نفسه وبإضاءة موحدة، لأن الصور غير الموحدة
تجعل المقارنة صعبة جداً، وقد يرفض القاضي الخبرة إذا لم تكن المنهجية واضحة.
=== general lina zh-hans | 3D打印枪支零部件的案件如何认定？
近期我们收到几起用3D打印机制造枪支零部件的线索。鉴定标准主要针对完整枪支，对单个零部件的认定存在争
议。各位在起诉时是如何处理的？
[chenwei zh-hans] 我们委托鉴定机构判断零部件能否组装成具有杀伤力的枪支，同时调取打印文件和下载记录
，证明行为人的制造目的。单个零部件很难单独定罪。
[dhughes en] Sorry, English here. Same with unserialized "ghost gun" kits. What worked was proving
the defendant downloaded the files and bought the other parts, so the intent to assemble was clear.
[lina zh-hans q2] 谢谢两位。美国同行的思路和陈检察官的意见一致：关键在于证明制造目的和组装能力。我
们会把下载记录、购买记录和打印机日志一起作为证据提交。
@@ high-performance-prosecution
=== general member en | Case-management metrics that actually help line prosecutors
We track dozens of numbers, and line prosecutors say none help their daily work. I want to replace
the monthly report with **five indicators** a trial team can act on. Which have you found useful?
[gokafor en] What changed behaviour for us: time from arrest to charging decision, by team. Long
delays usually point to a missing lab report or an overloaded investigator, not a lazy prosecutor.
[moderator fr q0] À Lyon, nous suivons le délai et le taux d'alternatives aux poursuites. Ce qui a
aidé : présenter les chiffres par type d'infraction plutôt qu'une moyenne qui masquait tout.
[hbrandt de] Wir nutzen vier Kennzahlen pro Dezernat: offene Verfahren, Verfahrensdauer,
Anklagequote und Haftsachen. Wichtig war uns, die Zahlen nie für eine Rangliste der Kolleginnen zu
verwenden.
[bsouza pt q1] Concordo. Em São Paulo o tempo até a denúncia virou o principal indicador, num
painel mensal, e os promotores passaram a cobrar da polícia científica os laudos atrasados.
[chenwei zh-hans] 我们院主要看三个指标：审查逮捕的平均用时、退回补充侦查的比例和上诉改判率。退回补
充侦查比例高，往往说明侦查阶段与检察官沟通不够。
[member en q4] Thank you all. Here is what I will propose to our leadership, combining your
suggestions in one table that fits on a single page of the monthly report:
| indicator | why it helps |
|---|---|
| arrest to charging decision | shows missing reports early |
| cases returned for more investigation | shows weak intake |
| diversion offered and completed | shows alternatives work |
[flag areamod confidential] This draft names the internal targets of a real office; please check it
can be shared publicly.
=== resources-and-training bsouza pt | Painel de indicadores do Ministério Público: o que publicar?
Preparamos a versão pública do nosso painel de indicadores. Quanto mostrar: tempos de tramitação
por comarca, taxa de arquivamento, acordos de não persecução penal? Publicar demais gera
comparações injustas.
[lmendes pt] Em Portugal os relatórios anuais trazem dados por comarca, e a comparação injusta
aconteceu. A solução foi acompanhar cada número de uma nota sobre a dimensão da comarca e aos
magistrados.
[dramirez es] En Colombia publicamos tableros similares. Mi consejo: muestren tendencias, no solo
valores absolutos. Una fiscalía pequeña que reduce sus tiempos a la mitad merece reconocimiento.
[bsouza pt q2] Ótima sugestão, Diego. Vamos mostrar a evolução dos últimos três anos de cada
promotoria, com a nota explicativa que a Laura mencionou. Trago o link aqui quando publicarmos.
=== case-law-and-practice dsokolov ru |
Нагрузка на прокурора и сроки проверки сообщений о преступлениях
В нашем районе один прокурор надзирает за тремя отделами полиции, сроки проверок постоянно
продлеваются. Как вы распределяете **нагрузку** и какими цифрами доказываете руководству нехватку
людей?
[evolkova ru] Мы считаем не дела, а процессуальные решения, которые прокурор проверяет за месяц.
Эта цифра убедила руководство лучше любых жалоб, и нам дали ещё одну ставку помощника.
[hkovalenko uk q1] Ми робимо так само, але додаємо середній час від реєстрації повідомлення до
першого рішення. Коли він перевищує норму, керівник бачить це одразу на електронній панелі.
[dsokolov ru] Спасибо, коллеги. Подготовлю для руководства таблицу процессуальных решений за
полгода и средний срок до первого решения. Думаю, эти две цифры вместе будут для руководства
достаточно убедительны.
[evolkova ru] Ещё совет: покажите цифры за несколько лет подряд. Разовый всплеск руководство спишет
на случайность, а устойчивый рост нагрузки при том же числе сотрудников игнорировать трудно.
=== general moderator fr pinned | Bienvenue : présentez votre parquet et ses priorités
Ce forum réunit des procureurs du monde entier. Présentez en quelques lignes votre parquet et vos
priorités pour l'année, dans votre langue : les autres liront la traduction. Jamais d'affaire en
cours.
[aroux fr] Bonjour ! Substitute au parquet de Bordeaux, pôle mineurs. Nos priorités : réduire les
délais de jugement des mineurs et développer la réparation pénale avec les associations.
[cferri it] Buongiorno, sono sostituta procuratrice a Bologna e mi occupo di violenza domestica e
reati contro i minori. Vogliamo ridurre i tempi tra la denuncia e le misure di protezione.
=== general ahaddad ar | قياس رضا الضحايا عن خدمات النيابة العامة
نرغب في إطلاق استبيان قصير لقياس رضا الضحايا والشهود عن تعامل النيابة العامة معهم. هل جرب أحدكم
ذلك؟ وما الأسئلة المفيدة التي لا تثقل على الضحايا؟
[falaoui ar] جربنا استبياناً من خمسة أسئلة يُرسل برسالة نصية بعد انتهاء القضية: هل أُبلغت
بالقرارات؟ هل فهمت الإجراءات؟ هل شعرت بالاحترام؟ كانت نسبة الإجابة منخفضة، لكن الملاحظات كانت مفيدة
جداً.
[ahaddad ar q1] شكراً جزيلاً. سنعتمد أسئلة مشابهة ونضيف سؤالاً عن مدة الانتظار في مقر النيابة.
ولرفع نسبة الإجابة، سيشرح موظف استقبال الضحايا الاستبيان شخصياً في آخر لقاء.
@@ juvenile-justice
=== general dramirez es | Criterios de remisión para adolescentes en conflicto con la ley
Revisamos los criterios del **principio de oportunidad** para adolescentes que cometen un primer
delito; hoy cada fiscal decide a su manera. ¿Qué criterios escritos usan?
- gravedad del hecho y violencia
- antecedentes y edad
- opinión de la víctima y reparación
[bsouza pt q0] No Brasil usamos a remissão do Estatuto da Criança e do Adolescente. O roteiro exige
que o promotor registre por escrito a opinião da vítima e o plano de acompanhamento do adolescente.
[areamod es q1] Buena idea el registro escrito. En España el fiscal de menores puede desistir si el
menor repara el daño o hace una actividad educativa, y una instrucción interna fija los factores.
[dramirez es] Gracias. Propondremos una ficha común con estos factores y un campo obligatorio para
la opinión de la víctima, como en Brasil, y la revisaremos en un año con datos de reincidencia.
=== case-law-and-practice jkeller de |
Jugendstrafverfahren: Schutzmaßnahmen statt Strafe, aber wann?
Im Schweizer Jugendstrafrecht stehen Schutzmaßnahmen vor Strafen. Uns fällt es schwer zu begründen,
wann eine **Unterbringung** nötig ist und wann ambulante Betreuung genügt. Wie entscheidet ihr?
[kvogel de] In Österreich holen wir in aller Regel eine Stellungnahme der Jugendgerichtshilfe ein.
Eine Unterbringung beantragen wir nur, wenn ambulante Maßnahmen gescheitert sind oder akute Gefahr
besteht.
[moderator fr q0] En France aussi, le code de la justice pénale des mineurs impose une mesure
éducative avant la sanction. Le placement reste l'exception, motivée par un rapport éducatif,
jamais par la seule gravité.
[jkeller de q2] Danke, Claire, derselbe Gedanke. Ein dokumentiertes Scheitern der ambulanten
Betreuung ist die beste Begründung für eine Unterbringung. So werde ich es im nächsten Fall auch
ausführen.
=== resources-and-training chenwei zh-hans | 未成年人附条件不起诉考察期的帮教资料分享
我们院整理了一套附条件不起诉考察期的帮教材料，包括考察协议范本、社工评估表和家长告知书。欢迎交流各
自的做法，特别是如何让学校和社区真正参与进来。
[lina zh-hans] 感谢分享！我们在考察协议里明确学校老师的联系责任，每月由社工汇总一次情况。考察期结束
前，检察官会和孩子、家长一起回顾整个过程。
[chenwei zh-hans q1] 每月汇总的做法很好。我们的问题是社工人手不足，有时一个社工要跟进二十多个孩子。
请问你们是如何争取到专门经费的？
[lina zh-hans] 我们和区民政部门签了购买服务协议，由专业社工机构派人长期驻点。经费按案件数量结算，效
果评估结果也会影响下一年度的合同。
=== general dsokolov ru |
Восстановительные программы для несовершеннолетних: кто проводит медиацию?
В нашей области хотят запустить **восстановительные программы** для подростков, совершивших
нетяжкие преступления. Кто у вас проводит встречи с потерпевшими: школьные службы примирения,
соцработники или медиаторы?
[evolkova ru] У нас медиацию обычно проводят специалисты центра психолого-педагогической помощи.
Школьные службы хороши для школьных конфликтов, но для уголовных дел им часто не хватает
специальной подготовки.
[hkovalenko uk q0] В Україні зараз діє пілотна програма відновного правосуддя для неповнолітніх.
Медіаторів готує спеціальна школа, а прокурор ухвалює остаточне рішення лише після угоди сторін про
примирення.
[eyildiz tr] Türkiye'de uzlaştırma savcılık tarafından yürütülüyor ve uzlaştırmacılar sertifikalı
avukatlar. Çocuklar için ayrıca sosyal çalışmacı görüşü alınıyor. Bu modelin iyi ve kötü yanlarıyla
ilgili deneyimlerimizi memnuniyetle paylaşabilirim.
[dsokolov ru q2] Спасибо, Ганна! Пилот с хорошо подготовленными медиаторами кажется мне разумным
началом. Предложу руководству пригласить специалистов центра, о котором пишет Елена, и начать с
одного района.
=== case-law-and-practice gokafor en |
Transferring juveniles to adult court: where do you draw the line?
Our statute lets prosecutors seek transfer of sixteen and seventeen year olds charged with serious
violent offences. I want a **written policy**, so the decision does not depend on who picks up the
file. What goes in yours?
[dhughes en] Ours requires a supervisor's signature and a memo on the offence, prior adjudications,
earlier services and any psychological evaluation. Transfer requests dropped a third once the memo
was required.
[edit] Ours requires a supervisor's signature and a memo on the offence, prior adjudications,
earlier services and any psychological evaluation. Transfer requests dropped a quarter once the
memo was required.
[eyildiz tr held] Bizde on sekiz yaşından küçükler her zaman çocuk mahkemesinde yargılanır,
yetişkin mahkemesine sevk mümkün değildir. Ağır suçlarda bile sosyal inceleme raporu zorunludur ve
hâkim kararını buna göre verir.
[gokafor en q1] The mandatory memo is what I had in mind; a drop of that size suggests many
transfers were requested out of habit. I will draft a template and share it here.
@@ major-county-prosecution-council
=== council-members dhughes en | Budget requests: staffing ratios that convince a county board
Budget season again. Our county board wants evidence that more prosecutors reduce backlogs, not
anecdotes. Has anyone built a **staffing model** on caseload weights that a board accepted?
[moderator fr] En France, la répartition des effectifs repose sur une pondération des affaires par
type : une affaire criminelle vaut des dizaines de contraventions. Imparfait, mais transparent.
[hbrandt de] In Deutschland gibt es dafür ein bundesweites System zur Personalbedarfsberechnung mit
Basiszahlen pro Verfahrensart, aktualisiert durch Zeitmessungen. Vielleicht lohnt sich auch bei
euch eine kurze eigene Zeitstudie.
[dhughes en q2] A time study is probably the most persuasive thing I could bring. Two weeks of
prosecutors logging hours per case type should give us a first set of weights. Thank you both.
=== general aroux fr | Recruter et fidéliser les magistrats du parquet
Dans les grands parquets, les jeunes magistrats du parquet partent après deux ou trois ans, épuisés
par les permanences. Quelles mesures ont réellement amélioré la **fidélisation** chez vous ?
[kbenali fr] À Marseille, ce qui a le plus compté, c'est la permanence de nuit renforcée, avec un
assistant spécialisé pour les formalités. Plus personne ne passe ses nuits à remplir des
formulaires.
[hbrandt de q0] In Hamburg hilft vor allem ein Mentoring-Programm: Jede neue Staatsanwältin hat im
ersten Jahr eine erfahrene Kollegin an ihrer Seite, und Bereitschaftsdienste sind auf zwei
Wochenenden pro Quartal begrenzt.
[aroux fr q2] Merci Helga, l'idée du tutorat me plaît beaucoup. Je vais proposer à notre procureur
de l'essayer avec les trois collègues qui arrivent en septembre, et nous en reparlerons ici.
=== case-law-and-practice lmendes pt |
Pedidos de cooperação judiciária internacional: prazos e canais
Pedidos de prova no estrangeiro demoram meses. Na União Europeia a **decisão europeia de
investigação** ajudou, mas fora dela tudo depende das cartas rogatórias. Que canais usam para os
pedidos urgentes?
[cferri it] Nell'Unione usiamo l'ordine europeo di indagine e, se urgente, chiamiamo prima il punto
di contatto della Rete giudiziaria europea. Una telefonata prima evita molti errori formali.
[gortega es q0] Con Latinoamérica nos sirve [IberRed](https://www.iberred.org): los puntos de
contacto usan una plataforma segura y adelantan la información mientras llega el pedido formal por
vía diplomática.
[lmendes pt q2] A IberRed é uma excelente sugestão, Gabriel, e Portugal faz parte dela. Vou propor
que os nossos pedidos para a América Latina passem primeiro pelo ponto de contacto, com o pedido
formal logo a seguir.
=== resources-and-training kvogel de locked | Leitfaden: Body-Cam-Aufnahmen im Ermittlungsverfahren
Unser interner Leitfaden zu **Body-Cam-Aufnahmen** der Polizei ist fertig. Er regelt, wann wir die
Aufnahmen anfordern, wie lange sie gespeichert werden und wie die Verteidigung Einsicht erhält.
## Die wichtigsten Punkte
- Anforderung innerhalb von drei Tagen nach der Anzeige
- Sicherung mit Prüfsumme und Protokoll der Zugriffe
[hbrandt de] Danke! Bei uns ist die Speicherfrist der Polizei oft kürzer als die Zeit bis zur
ersten Sichtung durch die Staatsanwaltschaft. Eine feste Frist von drei Tagen löst das.
[jkeller de q0] Die Prüfsumme sollten alle übernehmen. In einem Verfahren wurde die Echtheit einer
Aufnahme bestritten, und nur das Zugriffsprotokoll zeigte, dass niemand die Datei nach der
Sicherung verändert hatte.
[kvogel de] Danke für die Rückmeldungen. Die Endfassung ist veröffentlicht, deshalb schließe ich
dieses Thema. Fragen zur Anwendung bitte in einem neuen Thema unter Rechtsprechung und Praxis.
=== council-members gortega es |
Coordinación entre fiscalías metropolitanas frente al crimen organizado
Las organizaciones criminales operan en varias jurisdicciones y cada fiscalía investiga su parte
por separado. Propongo que el Consejo elabore una guía de **coordinación**: información, reparto de
casos y equipos conjuntos.
[dramirez es] En Colombia las seccionales firmaron un protocolo de unificación de investigaciones y
se redujo mucho la duplicación de esfuerzos. Puedo compartirlo, sin datos de casos.
[bsouza pt q1] No Brasil os grupos especiais contra o crime organizado reúnem promotores de várias
comarcas. Posso escrever um capítulo sobre o compartilhamento de provas entre promotorias.
[gortega es] Excelente, gracias a los dos. Abro un documento compartido para el borrador y propongo
una videollamada el mes próximo para repartir los capítulos entre los miembros del Consejo.
"""
)
