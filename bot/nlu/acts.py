"""What a message does, beyond the facts and questions in it: asks to be checked against a call,
asks which calls fit, corrects a fact, or gives a command (start again, summary, a person...).

These are the phrases owners use to ask "can we apply?" or "which calls fit us?"; they are
rules on the folded text (bot.nlu.text.folded), written to be linear on any input: no nested
repetition, every gap bounded. The dialogue (bot/conversation/routing.py) weighs them with the
intent the classifier gave and the facts found.
"""
from __future__ import annotations

import re

from bot.nlu.text import MAX_MESSAGE_CHARS, folded

CHECK, FIND, CORRECT, HUMAN, RESTART, SUMMARY, NOW, SUBSCRIBE, UNSUBSCRIBE, FORGET, LEGAL_SEAT, PRIVACY = (
    "check", "find", "correct", "human", "restart", "summary", "now", "subscribe", "unsubscribe", "forget",
    "legal_seat", "privacy")

_MODAL = r"(?:posso|possiamo|puo|potrei|potremmo|potrebbe|potrebbero|possono|potevamo|potevo|avremmo\s+potuto|avrei\s+potuto|riesco|riusciamo|can|could|may|might|would|are\s+we\s+able\s+to|is\s+it\s+possible\s+to)"
_JOIN = r"(?:\s+\S+){0,5}?\s+"
_APPLY = (r"(?:partecip\w*|fare\s+(?:la\s+)?domanda|presentare\s+(?:la\s+)?domanda|accedere|accederci|candidar\w*|"
          r"rientrar\w*|usufruir\w*|beneficiar\w*|apply|applying|participate|qualify|be\s+eligible|access|benefit|"
          r"take\s+part|(?:have\s+)?used|use|make\s+use\s+of|usar\w*|utilizzar\w*|sfruttar\w*|fare\s+qualcosa|"
          r"help\s+us|help\s+me|aiutar(?:ci|mi)|fare\s+al\s+caso|ottener\w*|ricever\w*|"
          r"aver(?:e|ne)?\s+(?:i\s+|dei\s+|un\s+|il\s+)?(?:fondi|contribut\w+|finanziament\w+|agevolazion\w+|soldi|accesso|aiut\w+)|"
          r"get\s+(?:any\s+|some\s+|the\s+)?(?:funding|funds|money|a\s+grant|grants|a\s+loan|support|aid)|"
          r"receive\s+(?:any\s+|some\s+)?(?:funding|funds|money|a\s+grant|grants|aid)|obtain|"
          r"do\s+(?:vnm|verso\s+nuovi\s+mercati|it|this\s+call|the\s+call)|fare\s+(?:vnm|verso\s+nuovi\s+mercati|il\s+bando|questo\s+bando))")
_CHECK = re.compile(
    rf"(?<!\bwho\s)(?<!\bchi\s)\b{_MODAL}{_JOIN}{_APPLY}\b"
    r"|\b(?:rientr(?:o|iamo|a\s+la\s+mia|a\s+la\s+nostra|erei|eremmo))\b"
    r"|\b(?:fa|fanno|farebbe|faceva|facesse|avrebbe\s+fatto)\s+(?:per|al\s+caso)\s+(?:noi|me|nostro|mio)\b"
    r"|\b(?:siamo|saremmo|sarei)\s+(?:\w+\s+){0,2}(?:ammissibil\w*|idone\w*)\b"
    r"|\b(?:impresa|azienda|ditta|societa)\s+(?:\w+\s+){0,2}(?:e|sarebbe)\s+(?:\w+\s+)?(?:ammissibil\w*|idone\w*)\b"
    r"|\b(?:abbiamo|ho|avremmo|avrei|ha)\s+(?:tutti\s+)?i\s+requisiti\b"
    r"|\b(?:are\s+we|am\s+i|is\s+my\s+company|is\s+our\s+company|would\s+we\s+be|would\s+i\s+be)\s+(?:\w+\s+){0,2}(?:eligible|qualified)\b"
    r"|\b(?:do|would|could)\s+(?:we|i)\s+(?:have\s+)?qualif(?:y|ied)\b"
    r"|\bis\s+(?:it|this|that|\w+(?:\s+\w+){0,4})\s+for\s+(?:us|me|my\s+company|our\s+company)\b"
    r"|\bsi\s+(?:puo|potrebbe)\s+fare\b"
    r"|\b(?:is|was|would\s+be|could\s+be)\s+(?:it|this|that|\w+(?:\s+\w+){0,4})\s+an\s+option\s+for\s+(?:us|me)\b"
    r"|\b(?:would|could)\s+(?:it|this|that|\w+)\s+(?:have\s+)?be(?:en)?\s+an?\s+(?:option|fit)(?:\s+for\s+(?:us|me))?\s*(?:\?|$)"
    r"|\b(?:is|was)\s+(?:it|this|that|vnm|verso\s+nuovi\s+mercati)\s+an?\s+(?:option|fit)(?:\s+for\s+(?:us|me))?\s*(?:\?|$)"
    r"|\b(?:e|era|sarebbe|sarebbe\s+stat[oa])\s+(?:un[a']?\s*)?(?:opzione|possibilita|strada)\s+per\s+noi\b"
    r"|\b(?:verific\w*|controll\w*|check)\s+(?:se|whether|if)\s+(?:posso|possiamo|we\s+can|i\s+can|la\s+mia|la\s+nostra|my|our)\b"
    r"|\b(?:cosa|quanto)\s+(?:ci|mi)\s+spett\w*|\bquanto\s+(?:otteniamo|otterremmo|riceviamo|riceveremmo|prendiamo|prenderemmo|ci\s+danno|ci\s+darebbero)\b"
    r"|\bwhat\s+(?:would|do|could|can)\s+we\s+get\b|\bhow\s+much\s+(?:would|do|could|can|will)\s+we\s+get\b"
    r"|\b(?:what|how\s+much)\s+would\s+(?:\w+\s+){0,4}have\s+(?:given|got(?:ten)?|paid)\s+us\b"
    r"|\bhow\s+much\s+would\s+we\s+have\s+(?:got(?:ten)?|received|had)\b"
    r"|\bquanto\s+(?:avremmo|avrei)\s+(?:avuto|preso|ottenuto|ricevuto)\b|\bquanto\s+ci\s+avrebbe\w*\s+dat\w*\b"
)
_FIND = re.compile(
    r"\b(?:quali|che|quale)\s+(?:\w+\s+){0,2}(?:bandi|misure|agevolazioni|incentivi|opportunita|contributi|finanziamenti)\b"
    r"(?:\s+\S+){0,6}?\s+(?:fa|fanno|adatt\w*|per\s+(?:me|noi|la\s+mia|la\s+nostra)|posso|possiamo|potrei|potremmo|ci\s+sono\s+per)"
    r"|\b(?:which|what)\s+(?:\w+\s+){0,2}(?:calls?|grants?|schemes?|measures?|funding|programmes?|programs?|incentives?)\b"
    r"(?:\s+\S+){0,6}?\s+(?:fit|suit|for\s+(?:us|me|my|our)|can\s+(?:we|i)|could\s+(?:we|i)|are\s+(?:we|i)\s+eligible|apply\s+for)"
    r"|\b(?:cosa|che\s+cosa)\s+(?:posso|possiamo|potrei|potremmo)\s+(?:fare|chiedere|richiedere|ottenere)\b"
    r"|\bwhat\s+can\s+(?:we|i)\s+(?:do|apply\s+for|get|ask\s+for)\b"
    r"|\b(?:c\s+e|ci\s+sono?)\s+(?:\w+\s+){0,2}(?:qualcosa|bandi|agevolazioni|opportunita|misure)\s+(?:\w+\s+){0,2}per\s+(?:noi|me|la\s+mia|la\s+nostra)\b"
    r"|\b(?:is|are)\s+there\s+(?:\w+\s+){0,2}(?:anything|calls?|funding|grants?|schemes?)\s+(?:\w+\s+){0,2}for\s+(?:us|me|my|our)\b"
    r"|\b(?:trova\w*|find|show\s+me|mostra\w*)\s+(?:\w+\s+){0,2}(?:bandi|calls?|grants?|funding|agevolazioni)\b"
)
_CORRECT = re.compile(
    r"\b(?:anzi|scusa|scusate|scusami|pardon|correggo|correzione|rettifico|mi\s+sono\s+sbagliat\w*|ho\s+sbagliato|"
    r"errore\s+mio|in\s+realta|intendevo|volevo\s+dire|non\s+\d[\d.,]*\s*(?:ma|bensi)|sorry|my\s+mistake|my\s+bad|"
    r"i\s+meant|we\s+meant|correction|actually|i\s+was\s+wrong|typo|not\s+\d[\d.,]*\s*but)\b"
    r"|,\s*(?:not|non)\s+\d[\d.,]*\s*[.!]?\s*$"
)
_HUMAN = re.compile(
    r"\b(?:parlare|parlarne|parlo|sentire)\s+(?:\w+\s+){0,2}(?:con|a)\s+(?:\w+\s+){0,2}(?:consulent\w*|persona|operator\w*|umano|esperto|qualcuno|advisor|funzionari\w*|sportello|lombardia\s+point)"
    r"|\b(?:essere|farmi|farci)\s+(?:ri)?(?:contattat\w*|chiamat\w*|richiamat\w*)|\b(?:ricontatta|richiama|chiama)(?:temi|mi|teci|ci)\b"
    r"|\bmett(?:ermi|erci|imi|eteci|ici)\s+in\s+contatto\b|\b(?:voglio|vorrei|vorremmo)\s+(?:un|una)\s+(?:consulent\w*|appuntamento|operatore)"
    r"|\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:\w+\s+){0,2}(?:human|person|advisor|adviser|consultant|someone|agent|operator|expert|desk)"
    r"|\b(?:call|contact)\s+me\s+back\b|\bput\s+(?:me|us)\s+in\s+touch\b|\bget\s+in\s+touch\s+with\s+(?:\w+\s+){0,2}(?:advisor|adviser|desk|someone|consultant)"
    r"|\b(?:human|real\s+person|operator)\s+please\b"
)
_RESTART = re.compile(
    r"^\s*(?:ricominci\w*|ricomincia\w*|restart|reset|start\s+(?:over|again)|da\s+capo|azzera\w*|nuova\s+conversazione|new\s+conversation)\b"
    r"|\b(?:ricominciamo|ricomincia(?:re)?\s+da\s+capo|ripartiamo\s+da\s+zero|start\s+(?:over|again)|let\s*s\s+start\s+again|dimentica\s+tutto|forget\s+everything)\b"
)
_SUMMARY = re.compile(
    r"^\s*(?:riepilogo|riassunto|summary|recap)\b|\b(?:cosa|che\s+cosa)\s+sai\s+(?:di\s+)?(?:me|noi|della\s+mia|della\s+nostra)"
    r"|\bwhat\s+do\s+you\s+know\s+about\s+(?:me|us|my|our)\b|\b(?:fammi|mostrami|show\s+me)\s+(?:il\s+|the\s+)?(?:riepilogo|riassunto|summary)\b"
)
_NOW = re.compile(
    r"\b(?:adesso|ora|oggi|attualmente|al\s+momento|in\s+questo\s+momento|ad\s+oggi|now|today|currently|at\s+the\s+moment|right\s+now|at\s+present)\b"
)
_UNSUBSCRIBE = re.compile(
    r"\b(?:non\s+(?:mi\s+)?(?:avvisar\w*|avvisatemi|scrivermi|mandarmi|inviarmi)\s+(?:\w+\s+){0,2}(?:piu|avvisi|notifiche|messaggi)?|"
    r"(?:stop|basta|disattiva\w*|cancella\w*|annulla\w*|disiscriv\w*|togli\w*)\s+(?:\w+\s+){0,2}(?:avvisi|notifiche|alert\w*|iscrizion\w*)|"
    r"(?:stop|cancel|end|disable|turn\s+off)\s+(?:\w+\s+){0,2}(?:alerts?|notifications?|subscription)|unsubscribe|"
    r"(?:don\s*t|do\s+not)\s+(?:alert|notify|message|email)\s+me)"
)
# Asking to be told of a call: an alert word alone ("avvisatemi", "alert me"), or "let me know /
# fatemi sapere" with *when* something opens or comes out ("let me know if we qualify" is no alert).
_TELL = (r"(?:avvisa\w*|avvertite\w*|avvertimi|avvertici|informate\w*|informami|informateci|notifica(?:mi|ci|temi|teci)|"
         r"fa(?:mmi|teci|temi)\s+sapere|tenete(?:mi|ci)\s+aggiornat\w*|tienimi\s+aggiornat\w*|"
         r"let\s+(?:me|us)\s+know|keep\s+(?:me|us)\s+(?:posted|informed|updated)|notify\s+(?:me|us)|alert\s+(?:me|us)|"
         r"tell\s+(?:me|us)|send\s+(?:me|us)\s+an?\s+(?:alert|e\s*mail|message))")
_COMES_OUT = (r"(?:esce|usciranno|uscira|escono|apre|aprira|riapre|riaprira|apriranno|si\s+apre|nuov\w+|pubblicat\w*|"
              r"opens?|reopens?|comes?\s+out|is\s+out|new|published|launch\w*|available)")
_SUBSCRIBE = re.compile(
    rf"^\s*(?:{_TELL})(?:\s+(?:pure|please|grazie|thanks))?\s*[.!]?\s*$"
    rf"|\b{_TELL}\s+(?:\S+\s+){{0,3}}?(?:quando|se|appena|non\s+appena|when|if|as\s+soon\s+as|once)\b(?:\s+\S+){{0,6}}?\s+{_COMES_OUT}\b"
    r"|\b(?:iscriv\w*|attiva\w*|voglio|vorrei|vorremmo)\s+(?:\w+\s+){0,3}(?:avvisi|notifiche|alert\w*)\b"
    r"|\b(?:sign\s+(?:me|us)\s+up|subscribe|turn\s+on|i\s*d\s+like|we\s*d\s+like)\s+(?:\w+\s+){0,3}(?:alerts?|notifications?)\b"
)
_FORGET = re.compile(
    r"\b(?:cancella\w*|elimina\w*|rimuov\w*|dimentica\w*)\s+(?:\w+\s+){0,2}(?:miei|nostri|mie|nostre)\s+(?:dati|informazioni|conversazion\w*)"
    r"|\b(?:delete|erase|remove|forget)\s+(?:all\s+)?(?:my|our)\s+(?:data|information|details|conversation|personal\s+data)"
    r"|\bdiritto\s+all\s*oblio\b|\bright\s+to\s+be\s+forgotten\b"
)
_PRIVACY = re.compile(
    r"^\s*(?:la\s+|the\s+)?(?:privacy|gdpr|informativa)(?:\s+(?:policy|notice|please|grazie|per\s+favore))?\s*[?.!]?\s*$"
    r"|\binformativa\s+(?:sulla\s+|della\s+|per\s+la\s+)?(?:privacy|dati)\b|\bprivacy\s+(?:policy|notice)\b"
    r"|\b(?:trattamento|protezione)\s+dei\s+(?:miei\s+|nostri\s+)?dati\b|\bdata\s+protection\b"
    r"|\b(?:come|dove|perche)\s+(?:usate|conservate|trattate|tenete|salvate|gestite|usi|conservi|tieni|salvi)\s+"
    r"(?:i\s+)?(?:miei|nostri)\s+dati\b"
    r"|\b(?:how|where|why)\s+(?:do\s+you\s+|will\s+you\s+)?(?:use|store|keep|process|handle|save)\s+(?:my|our)\s+"
    r"(?:data|information|details)\b"
    r"|\bwhat\s+(?:do\s+you\s+|will\s+you\s+)?(?:do|keep)\s+with\s+(?:my|our)\s+(?:data|information|details)\b"
    r"|\bche\s+(?:cosa\s+)?(?:fate|farete)\s+(?:con\s+)?(?:dei\s+|i\s+)?(?:miei|nostri)\s+dati\b"
)
# The registered office is named: the calls ask for an operating site, which may be elsewhere.
_LEGAL_SEAT = re.compile(r"\b(?:sede\s+legale|sede\s+sociale|registered\s+(?:office|address|seat)|legal\s+(?:seat|address|office))\b")
_SIGNALS = {CHECK: _CHECK, FIND: _FIND, CORRECT: _CORRECT, HUMAN: _HUMAN, RESTART: _RESTART, SUMMARY: _SUMMARY,
            NOW: _NOW, UNSUBSCRIBE: _UNSUBSCRIBE, SUBSCRIBE: _SUBSCRIBE, FORGET: _FORGET, LEGAL_SEAT: _LEGAL_SEAT,
            PRIVACY: _PRIVACY}
MAX_CHARS = MAX_MESSAGE_CHARS


def normalised(text: str) -> str:
    """Folded, apostrophes and dashes as spaces, one space between words."""
    return " ".join(re.sub(r"['\-]", " ", folded(text or "")[:MAX_CHARS]).split())


def signals(text: str) -> frozenset[str]:
    """Which of the acts above the message carries."""
    low = normalised(text)
    found = {name for name, pattern in _SIGNALS.items() if pattern.search(low)}
    if UNSUBSCRIBE in found:
        found.discard(SUBSCRIBE)
    return frozenset(found)
