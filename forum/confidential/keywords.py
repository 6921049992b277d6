"""The words that introduce an identifier (identifiers.py), in the eight site languages:
"case", "expediente", "дело", "案号"; "passport", "CPF", "паспорт", "身份证号"; the words of
phones, plates and births; and the months a date of birth is written with."""

CASE_WORDS = (
    # en
    r"case|cases|docket|file|cause|fir|indictment|crime\s+ref(?:erence)?|reference|matter"
    r"|proceedings?|urn|crn|charge\s+sheet|complaint"
    # es
    r"|expediente|exp\.|causa|caso|procedimiento|diligencias(?:\s+previas)?|sumario|carpeta"
    r"(?:\s+de\s+investigaci[oó]n)?|radicado|rol|rit|ruc|nuc|autos|proceso|legajo"
    r"|averiguaci[oó]n\s+previa|juicio"
    # fr
    r"|affaire|dossier|proc[ée]dure|parquet|rg|instruction|pv|proc[èe]s-verbal|pourvoi"
    # pt
    r"|processo|inqu[ée]rito|ipl|a[çc][ãa]o\s+penal|nuipc|boletim\s+de\s+ocorr[êe]ncia|bo|feito"
    # ru
    r"|дело|дела|делу|делом|производство|кусп|материал|материалы"
    # de
    r"|aktenzeichen|az\.?|gz\.?|gesch[äa]ftszeichen|verfahren|akte|fall|strafsache"
    # ar
    r"|قضية|القضية|قضيه|الدعوى|دعوى|ملف|الملف|محضر|المحضر|جناية|جنحة|الجناية|الجنحة"
    # zh
    r"|案号|案件编号|案件号|卷宗号|立案号|案件"
)
IDENTITY_WORDS = (
    r"passport|passport\s+no|ssn|social\s+security(?:\s+number)?|national\s+id(?:entity)?"
    r"(?:\s+(?:number|card))?|id\s+(?:number|card|no)|identity\s+card|nin|nino|aadhaar"
    r"|pan|driver'?s\s+licen[cs]e|tfn|sin|fin|nas"
    r"|dni|nie|pasaporte|c[ée]dula(?:\s+de\s+(?:identidad|ciudadan[ií]a))?|curp|rut|run|nif"
    r"|documento(?:\s+(?:nacional\s+)?de\s+identidad)?|ine|cuil|cuit|nss"
    r"|passeport|nir|s[ée]curit[ée]\s+sociale|carte\s+d'identit[ée]|cni"
    r"|num[ée]ro\s+d'identit[ée]"
    r"|cpf|rg|passaporte|cart[ãa]o\s+de\s+cidad[ãa]o|cc|bi|cnh|nis"
    r"|паспорт|паспорта|паспортом|загранпаспорт|снилс|инн|иин|серия|удостоверение"
    r"|personalausweis(?:nummer)?|ausweis(?:nummer)?|reisepass(?:nummer)?|pass(?:nummer)?"
    r"|sozialversicherungsnummer|steuer-?id|steueridentifikationsnummer|ahv(?:-nummer)?"
    r"|svnr|identit[äa]tskarte"
    r"|الهوية|هوية|بطاقة\s+الهوية|جواز\s+السفر|جواز\s+سفر|جواز|الرقم\s+القومي|الرقم\s+الوطني"
    r"|الرقم\s+المدني|الإقامة|بطاقة"
    r"|身份证号码|身份证号|身份证|公民身份号码|护照号码|护照号|护照|证件号码|证件号"
)
PHONE_WORDS = (
    r"tel\.?|tél\.?|phone|telephone|mobile|cell(?:phone)?|whatsapp|contact\s+number"
    r"|tel[ée]fono|m[óo]vil|celular|cel\.?|t[ée]l[ée]phone|portable|telefone|telem[óo]vel"
    r"|телефон|телефона|тел\.|моб\.|мобильный|电话|手机|手机号|联系电话|电话号码|telefon|handy"
    r"|mobil|mobilnummer|هاتف|الهاتف|جوال|الجوال|موبايل|المحمول|واتساب"
)
PLATE_WORDS = (
    r"plate|licen[cs]e\s+plate|number\s+plate|registration|reg\.?|vehicle\s+registration"
    r"|matr[íi]cula|placa|placas|patente|dominio|immatricul[ée]e?|immatriculation|plaque"
    r"|госномер|гос\.\s?номер|г/н|номерной\s+знак|номер\s+автомобиля|номер\s+машины"
    r"|车牌号码|车牌号|车牌|牌照|kennzeichen|amtliches\s+kennzeichen|kfz-kennzeichen"
    r"|لوحة|اللوحة|رقم\s+اللوحة|لوحة\s+رقم|لوحة\s+السيارة"
)
MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mai"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre"
    r"|octobre|novembre|d[ée]cembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|agosto"
    r"|setembro|outubro|novembro|dezembro|января|февраля|марта|апреля|мая|июня|июля"
    r"|августа|сентября|октября|ноября|декабря|januar|jänner|februar|märz|april|juni|juli"
    r"|oktober|dezember|يناير|فبراير|مارس|أبريل|إبريل|ابريل|مايو|يونيو|يونيه|يوليو|يوليه"
    r"|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون\s+الثاني|شباط|آذار|نيسان|أيار"
    r"|حزيران|تموز|آب|أيلول|تشرين\s+الأول|تشرين\s+الثاني|كانون\s+الأول"
)
BIRTH_WORDS = (
    r"born(?:\s+on)?|date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|birthday"
    r"|nacid[oa]s?(?:\s+(?:el|en))?|naci[óo](?:\s+el)?|fecha\s+de\s+nacimiento|f\.\s?nac\.?"
    r"|n[ée]e?s?(?:\s+le)?|date\s+de\s+naissance|naissance"
    r"|nascid[oa]s?(?:\s+(?:em|a))?|nasceu(?:\s+em)?|data\s+de\s+nascimento|nasc\.|d\.n\."
    r"|родил(?:ся|ась)|дата\s+рождения|рождения|рожд\.|д\.р\."
    r"|geboren(?:\s+am)?|geb\.(?:\s+am)?|geburtsdatum|geburtstag"
    r"|مواليد|المولود(?:ة)?(?:\s+في|\s+بتاريخ)?|مولود(?:ة)?(?:\s+في|\s+بتاريخ)?"
    r"|وُلد(?:ت)?(?:\s+في|\s+بتاريخ)?|ولد(?:ت)?(?:\s+في|\s+بتاريخ)?|تاريخ\s+(?:ال)?ميلاد(?:ها|ه)?"
    r"|出生日期|出生于|生于|出生|生日"
)
