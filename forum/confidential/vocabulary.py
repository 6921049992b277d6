"""The words the name check reads (names.py): the words that mark a protected person in the
eight site languages, titles, common capitalized words that are not names, and the given names
and surnames that scripts without capitals are recognized by."""

from __future__ import annotations


def _alternatives(words: str) -> str:
    """A regular expression's alternatives, longest first (so "victims" wins over "victim")."""
    return "|".join(sorted(set(words.split("|")), key=len, reverse=True))


_OTHER_ROLES = (
    # en
    "victim|victims|witness|witnesses|minor|child|girl|boy|complainant|survivor|daughter|son"
    "|teenager|juvenile|pupil|student|toddler|infant|baby|niece|nephew|stepdaughter|stepson"
    "|eyewitness|eye-witness|injured party|claimant|little|cousin|neighbour|neighbor|sister"
    "|brother|twins|twin|sibling|siblings|classmate|flatmate|roommate|young person|youngster"
    "|kid|schoolgirl|schoolboy"
    # es
    "|víctima|victima|víctimas|testigo|testigos|menor|menores|niña|niño|denunciante"
    "|sobreviviente|superviviente|hija|hijo|adolescente|chica|chico|ofendida|ofendido"
    "|agraviada|agraviado|perjudicada|perjudicado|alumna|alumno|hijastra|hijastro|bebé|joven"
    "|pequeña|pequeño|pequena|pequeno|prima|primo|vecina|vecino|hermana|hermano|gemelos|gemelas"
    "|compañera|compañero|cousine|voisine|voisin|sœur|frère|jumeaux|jumelles|camarade|prima"
    "|vizinha|vizinho|irmã|irmão|gêmeos|gémeos|colega|nieta|nieto|sobrina|sobrino"
    # fr
    "|victime|victimes|témoin|témoins|mineure|mineur|enfant|fillette|garçon|plaignante"
    "|plaignant|survivante|fille|fils|adolescent|jeune|élève|partie civile|petite|petit"
    "|collégienne|lycéenne|belle-fille|nièce|neveu"
    # pt
    "|vítima|vitima|vítimas|testemunha|testemunhas|criança|menina|menino|ofendida|ofendido"
    "|sobrevivente|filha|filho|aluna|aluno|enteada|enteado|bebê|garota|garoto|neta|neto"
    "|adolescente|declarante|informante"
    # ru
    "|потерпевшая|потерпевший|потерпевшей|потерпевшего|потерпевшую|потерпевшему|потерпевшим"
    "|жертва|жертвы|жертвой|свидетель|свидетельница|свидетеля|свидетельницы|свидетельницей"
    "|свидетелем|свидетельницу|несовершеннолетняя|несовершеннолетний|несовершеннолетней"
    "|несовершеннолетнего|несовершеннолетнюю|несовершеннолетнему|ребёнок|ребенок|ребёнка"
    "|ребенка|девочка|девочки|девочку|девочкой|мальчик|мальчика|мальчиком|заявительница"
    "|заявитель|заявительницы|заявителя|дочь|дочери|сын|сына|подросток|подростка|школьница"
    "|школьницы|школьник|школьника|малолетняя|малолетний|малолетней|малолетнего|пострадавшая"
    "|пострадавший|пострадавшей|пострадавшего|соседка|соседки|соседку|сосед|соседа|сестра|сестры"
    "|брат|брата|близнецы|одноклассница|одноклассник|падчерица|падчерицы|воспитанница|воспитанник"
    # de: GERMAN_ROLES
)
GERMAN_ROLES = frozenset(
    """
    opfer zeugin zeuge zeugen minderjährige minderjähriger minderjährigen kind kindes
    mädchen junge jungen geschädigte geschädigter geschädigten anzeigeerstatterin
    anzeigeerstatter privatklägerin privatkläger kleine kleinen kleiner tochter sohn
    jugendliche jugendlicher jugendlichen schülerin schüler nebenklägerin nebenkläger
    betroffene betroffenen stieftochter stiefsohn enkelin nichte
    """.split()
)
LATIN_ROLES = _alternatives(_OTHER_ROLES + "|" + "|".join(GERMAN_ROLES))
ROLE_WORDS = frozenset(LATIN_ROLES.split("|"))
TITLES = _alternatives(
    "mr|mr.|mrs|mrs.|ms|ms.|miss|sr.|sra.|srta.|señor|señora|señorita|doña|don|m.|mme|mme."
    "|mlle|mlle.|monsieur|madame|mademoiselle|dona|senhor|senhora|sr|sra|herr|frau|fräulein"
    "|г-н|г-жа|господин|госпожа"
)
TITLE_WORDS = frozenset(TITLES.replace(".", "").split("|"))

# Capitalized words after or before a role word that are not a person.
COMMON_WORDS = frozenset(
    """
    the a an and or of in on at to for from by with as is was were are be been has had have
    this that these those it its his her their our my your who which when where while after
    before during yesterday today tomorrow then also but not no yes however although because
    if unit support services service office advocate advocates rights protection fund care
    centre center unit program programme project team court police prosecutor prosecution
    department ministry state county district federal national public general act law
    section monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december impact statement
    statements liaison assistance compensation scheme charter commissioner coordinator hub
    panel board network trust foundation association agency authority services' advocacy
    justice helpline la el los las lo un una unos unas y o de del en con por para según tras
    ante que quien cuando donde durante después antes ayer hoy también pero no sí sin sobre
    entre oficina servicio servicios unidad centro programa fiscalía juzgado tribunal
    policía ministerio protegido protegida menor víctima víctimas testigo sala fundación
    asociación lunes martes miércoles jueves viernes sábado domingo enero febrero marzo
    abril mayo junio julio agosto septiembre octubre noviembre diciembre estatuto ley código
    le la les un une des du de et ou en dans sur pour par avec sans chez qui que quand où
    pendant après avant hier aujourd'hui aussi mais non oui bureau service centre maison
    programme parquet tribunal cour police gendarmerie ministère association fondation lundi
    mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin
    juillet août septembre octobre novembre décembre aide écoute o a os as um uma uns umas e
    ou em no na nos nas com por para sem sobre entre quem quando onde durante depois antes
    ontem hoje também mas não sim núcleo centro serviço programa delegacia promotoria
    ministério tribunal juízo vara polícia caixa conselho fundação segunda terça quarta
    quinta sexta sábado domingo janeiro fevereiro março abril maio junho julho agosto
    setembro outubro novembro dezembro econômica federal estadual der die das den dem des
    ein eine einen einem einer und oder in im am an auf für von mit bei nach vor während
    gestern heute auch aber nicht ja nein wer wenn wo als wie stelle dienst zentrum programm
    staatsanwaltschaft gericht polizei ministerium beratung opferberatung hilfe opferhilfe
    schutz verein stiftung weißer ring amt aussage aussagen vernehmung befragung anhörung
    verfahren schutzprogramm montag dienstag mittwoch donnerstag freitag samstag sonntag
    januar februar märz mai juni juli august oktober dezember frau herr kind kinder
    jugendamt и в во на с со по к о об от до за из у для при без что кто когда где также но
    не да центр служба отдел управление прокуратура суд полиция министерство фонд программа
    кризисный кризисного кризисном понедельник вторник среда четверг пятница суббота
    воскресенье января февраля марта апреля мая июня июля августа сентября октября ноября
    декабря следственный комитет мвд ук упк рф snapchat instagram facebook whatsapp telegram
    tiktok google youtube twitter discord signal viber messenger skype zoom roblox fortnite
    apple microsoft meta lei ley loi law aadhaar gesetz закон código codigo code penal
    criminal abuse exploitation trafficking welfare labour labor marriage pornography sexual
    informed violence safeguarding
    """.split()
)

GERMAN_NAMES = frozenset(
    """
    Anna Maria Lena Lea Leonie Emma Mia Hannah Hanna Sophie Sofia Laura Lara Lisa Julia
    Johanna Marie Clara Klara Luisa Louisa Nina Sarah Sara Lina Ella Amelie Emilia Charlotte
    Paula Greta Jana Katharina Elena Helena Alina Melina Jasmin Vanessa Nele Selina Zoe Ben
    Paul Leon Finn Elias Jonas Luis Louis Noah Felix Lukas Lucas Max Maximilian Tim Jan
    Niklas Nico Tobias Moritz David Jakob Julian Simon Florian Fabian Stefan Thomas Michael
    Andreas Daniel Sebastian Alexander Markus Martin Peter Anton Emil Theo Oskar Karl
    Mustafa Ali Mehmet Ayşe Elif Fatma Zeynep Leyla Milan Luca Mats Henri Jonathan Samuel
    Erik Till Sabine Petra Claudia Monika Andrea Nicole Stefanie Martina Susanne Birgit
    Karin Ursula Natalie Jessica Melanie Kerstin Svenja Franziska Theresa Miriam Eva Ida
    Frieda Mila Marlene
    """.split()
)

CHINESE_ROLES = _alternatives(
    "受害人|被害人|受害者|被害者|证人|未成年人|未成年|女孩|男孩|儿童|孩子|女童|男童|报案人"
    "|幸存者|女儿|儿子|学生|少女|幼女|被害女孩|被害儿童|受害女童|受害儿童|被害学生|控告人"
    "|举报人|当事人|小姑娘|姑娘|邻居|同学|姐姐|妹妹|哥哥|弟弟|表姐|表妹|小女孩|小男孩|女生|男生|证人之一|被拐儿童|被拐妇女|受害妇女"
)
CHINESE_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤欧阎易常乔温庞傅"
)

ARABIC_ROLES = _alternatives(
    "الضحية|ضحية|الضحيّة|الشاهد|الشاهدة|شاهد|شاهدة|القاصر|القاصرة|قاصر|قاصرة|الطفل|الطفلة"
    "|طفل|طفلة|المجني عليها|المجني عليه|المجنى عليها|المجنى عليه|المشتكية|المشتكي|الشاكية"
    "|الشاكي|المبلغة|المبلّغة|الفتاة|فتاة|الصبي|ابنة|ابنته|ابنتها|ابنها|ابنه|البنت|الحدث"
    "|الناجية|الناجي|المعنفة|المعنَّفة|الزوجة|الطالبة|الطالب|التلميذة|التلميذ|الضحايا|القاصرين"
)
ARABIC_NAMES = frozenset(
    """
    فاطمة مريم عائشة زينب خديجة سارة ليلى نور هدى آمنة أمينة ريم ياسمين سلمى رنا دينا منى
    هبة نادية سميرة سعاد رحاب إيمان ايمان أسماء اسماء حنان لينا جنى جنا رهف شهد لمى رغد ملك
    هند سلوى نجلاء وفاء أميرة اميرة نورة نوره بسمة غادة دعاء شيماء آية اية روان تالا ميار
    محمد أحمد احمد علي عمر يوسف خالد حسن حسين إبراهيم ابراهيم عبدالله عبد محمود مصطفى سعيد
    كريم طارق ياسين زياد آدم ادم سامي رامي هاني وليد سليم ماجد فيصل نايف سلطان فهد عمار بلال
    حمزة أنس انس معاذ إياد اياد مالك جاد ريان إسماعيل اسماعيل موسى عيسى صالح ناصر منصور
    جميلة حليمة زهرة رقية رقيه صفاء مها نوال لبنى رشا داليا سهى عبير جميل سمير جمال كمال
    نورهان فرح أيوب إيناس ايناس سوسن ندى هالة هالة لمياء وداد سناء عزة شريفة كوثر بشرى
    حياة سكينة نجاة إكرام اكرام ياسمينة مروة نهى علا ولاء جود لانا تسنيم بتول غنى سدرة
    حلا ديما يارا جوري لين ليان رزان سلاف مريام أمل امل رحمة سهام فدوى نسرين عفاف
    يحيى زكريا إدريس ادريس عثمان أسامة اسامة هشام عادل نبيل رضا مهدي أنور انور عماد إلياس
    الياس جواد حاتم شادي باسل براء مراد رشيد عبدالرحمن عبدالعزيز عبدالكريم عبدالرحيم منير
    نزار قاسم مازن غسان رائد فراس بشير توفيق حمدي شريف عصام مجدي أيمن ايمن خليل سليمان
    """.split()
)
