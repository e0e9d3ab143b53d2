/**
 * Words that say nothing about what failed, in Spanish and English, written without accents (terms
 * are compared accent-folded). Both lists apply to every incident: a reply in one language often
 * quotes or mixes the other. Besides the grammatical words, the courtesies every desk mail carries
 * ("hola", "saludos", "thanks") are here, since they would make any two polite mails look alike.
 */
const SPANISH = `
a al algo algun alguna algunas alguno algunos ante antes aqui asi aun aunque bajo bien cada casi como con
contra cual cuales cuando cuanto de del desde donde dos el ella ellas ello ellos en entre era eran es esa esas
ese eso esos esta estaba estaban estado estan estar estas este esto estos estoy fue fueron ha habia han hasta
hay la las le les lo los mas me mi mis mismo mucho muy nada ni no nos nosotros nuestra nuestro o otra otras
otro otros para pero poco por porque que quien se sea ser si sido siempre sin sobre solo son su sus tambien
tan tanto te tiene tienen todo todos tras tu tus un una uno unos unas usted ustedes ya yo ese cual hace hacer
puede pueden puedo podemos poder favor hola buenas buenos dias tardes noches gracias saludos atentamente
estimado estimada estimados muchas cordial cordiales quedo quedamos atento atenta ayuda ayudar necesito
necesitamos solicito solicitamos ayer hoy manana momento ahora vez veces desde cuando luego despues
`;

const ENGLISH = `
about above after again against all also am an and any are aren as at be because been before being below
between both but by can cannot could did didn do does doesn doing don down during each few for from further had
has have having he her here hers him his how into is isn it its itself just let me more most my myself no nor
not now of off on once only or other our ours out over own same she should so some such than that the their
theirs them then there these they this those through too under until up very was wasn we were what when where
which while who whom why will with won would you your yours yourself hi hello dear thanks thank regards best
kind please help need needs able unable today yesterday tomorrow since get got getting still anyone someone
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${SPANISH} ${ENGLISH}`.split(/\s+/).filter(Boolean));
