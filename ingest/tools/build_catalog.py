#!/usr/bin/env python3
"""Builds ingest/src/main/resources/news/panorama/ingest/catalog.jsonl.

Inputs: the hand-kept catalog lines already in the file (kept first, unchanged), the hand-kept
international services below, and the facts of the permissively licensed reference lists in
outlets.jsonl (see CATALOG-ATTRIBUTION.md). Only facts are taken: names, sites, feed and sitemap
URLs, countries. Languages are decided per outlet here, not copied from list categories: the
list's own per-outlet statement (fundus, ournet), else a language named in the feed's address
(a sub-domain or path such as /urdu/, en., /ar/), else the country's main news language from
COUNTRY_LANGUAGE. Owner types come from the hand tables below; anything not in them is
`unknown`, except Kagi's `private` label (a per-site fact).

Usage: build_catalog.py OUTLETS_JSONL HAND_JSONL CATALOG_JSONL
  e.g. python3 ingest/tools/build_catalog.py ../shared/data/feeds/outlets.jsonl \
       ingest/tools/catalog-hand.jsonl ingest/src/main/resources/news/panorama/ingest/catalog.jsonl
"""
import json
import re
import sys
import unicodedata
from collections import defaultdict

PER_COUNTRY = 3          # outlets per country, the hand-kept ones included
BIG = {"US": 7, "GB": 6, "IN": 7, "DE": 6, "FR": 6, "BR": 5, "RU": 4, "CN": 4, "JP": 5, "ES": 5,
       "IT": 5, "MX": 5, "NG": 5, "CA": 5, "AU": 5, "ID": 5, "PK": 5, "TR": 4, "ZA": 5, "KE": 5,
       "EG": 5, "PH": 5, "AR": 5}
FEEDS_PER_OUTLET = 2

# main language of each country's national news (ISO 639-1); a fallback only
COUNTRY_LANGUAGE = dict(
    AD="ca", AE="ar", AF="fa", AL="sq", AM="hy", AO="pt", AR="es", AT="de", AU="en", AZ="az",
    BA="bs", BB="en", BD="bn", BE="nl", BF="fr", BG="bg", BH="ar", BI="fr", BJ="fr", BN="ms",
    BO="es", BR="pt", BS="en", BT="dz", BW="en", BY="ru", BZ="en", CA="en", CD="fr", CF="fr",
    CG="fr", CH="de", CI="fr", CL="es", CM="fr", CN="zh", CO="es", CR="es", CU="es", CV="pt",
    CY="el", CZ="cs", DE="de", DJ="fr", DK="da", DO="es", DZ="ar", EC="es", EE="et", EG="ar",
    ER="ti", ES="es", ET="am", FI="fi", FJ="en", FR="fr", GA="fr", GB="en", GE="ka", GH="en",
    GM="en", GN="fr", GQ="es", GR="el", GT="es", GY="en", HK="zh", HN="es", HR="hr", HT="fr",
    HU="hu", ID="id", IE="en", IL="he", IN="en", IQ="ar", IR="fa", IS="is", IT="it", JM="en",
    JO="ar", JP="ja", KE="en", KG="ky", KH="km", KR="ko", KW="ar", KZ="kk", LA="lo", LB="ar",
    LK="si", LR="en", LS="en", LT="lt", LU="fr", LV="lv", LY="ar", MA="ar", MC="fr", MD="ro",
    ME="sr", MG="mg", MK="mk", ML="fr", MM="my", MN="mn", MO="zh", MR="ar", MT="en", MU="en",
    MV="dv", MW="en", MX="es", MY="ms", MZ="pt", NA="en", NE="fr", NG="en", NI="es", NL="nl",
    NO="no", NP="ne", NZ="en", OM="ar", PA="es", PE="es", PG="en", PH="en", PK="ur", PL="pl",
    PR="es", PS="ar", PT="pt", PY="es", QA="ar", RO="ro", RS="sr", RU="ru", RW="rw", SA="ar",
    SC="en", SD="ar", SE="sv", SG="en", SI="sl", SK="sk", SL="en", SN="fr", SO="so", SS="en",
    SV="es", SY="ar", SZ="en", TD="fr", TG="fr", TH="th", TJ="tg", TM="tk", TN="ar", TR="tr",
    TT="en", TW="zh", TZ="sw", UA="uk", UG="en", US="en", UY="es", UZ="uz", VE="es", VN="vi",
    XK="sq", YE="ar", ZA="en", ZM="en", ZW="en")

# language names and codes as they appear in feed addresses
URL_LANGUAGE = {
    "english": "en", "arabic": "ar", "urdu": "ur", "hindi": "hi", "bengali": "bn", "bangla": "bn",
    "tamil": "ta", "telugu": "te", "marathi": "mr", "gujarati": "gu", "punjabi": "pa",
    "malayalam": "ml", "kannada": "kn", "french": "fr", "francais": "fr", "spanish": "es",
    "espanol": "es", "russian": "ru", "chinese": "zh", "persian": "fa", "farsi": "fa",
    "turkish": "tr", "turkce": "tr", "swahili": "sw", "hausa": "ha", "somali": "so",
    "amharic": "am", "portuguese": "pt", "german": "de", "deutsch": "de", "japanese": "ja",
    "korean": "ko", "vietnamese": "vi", "indonesian": "id", "nepali": "ne", "sinhala": "si",
    "burmese": "my", "khmer": "km", "ukrainian": "uk", "uzbek": "uz", "kyrgyz": "ky",
}
LANG_CODES = r"(en|ar|fr|es|ru|de|pt|zh|fa|tr|uk|hi|ur|bn|sw|it|ja|ko)"
CODE_IN_HOST = re.compile(r"^" + LANG_CODES + r"\.")
CODE_IN_PATH = re.compile(r"/" + LANG_CODES + r"(?=/)")
# an outlet named like an English-language paper, in a country whose main language is not English
ENGLISH_NAME = re.compile(r"^The |\b(Times|Post|Herald|Tribune|Gazette|Daily|Journal|Monitor|Chronicle|"
                          r"Observer|Express|Reporter|Standard|Telegraph|Star|Mail|Today|Insider|Review|"
                          r"Weekly|News)\b")
SKIP_NAME = re.compile(r"sport|stad\b|fifa|music|gossip|celeb|fashion|recipe|game|forum|hot news", re.I)

INTERNATIONAL_SITES = {"bbci.co.uk", "bbc.co.uk", "bbc.com", "dw.com", "rfi.fr", "france24.com",
    "euronews.com", "aljazeera.com", "aljazeera.net", "voanews.com", "allafrica.com", "scmp.com",
    "theafricareport.com", "rferl.org", "reuters.com", "apnews.com", "cnn.com", "yahoo.com",
    "msn.com", "google.com", "news.google.com", "theguardian.com", "nytimes.com", "swissinfo.ch"}

PUBLIC_BROADCASTERS = {"abc.net.au", "cbc.ca", "rte.ie", "tagesschau.de", "zdf.de", "br.de", "ndr.de",
    "wdr.de", "mdr.de", "swr.de", "francetvinfo.fr", "radiofrance.fr", "rai.it", "rainews.it", "rtve.es",
    "nos.nl", "vrt.be", "rtbf.be", "svt.se", "sverigesradio.se", "nrk.no", "yle.fi", "dr.dk", "orf.at",
    "srf.ch", "rts.ch", "rsi.ch", "rtp.pt", "ert.gr", "ertnews.gr", "ceskatelevize.cz", "ct24.cz",
    "irozhlas.cz", "rnz.co.nz", "sabcnews.com", "kbs.co.kr", "nhk.or.jp", "pbs.org", "npr.org",
    "ruv.is", "err.ee", "lsm.lv", "lrt.lt", "rtvslo.si", "hrt.hr", "rts.rs", "rtcg.me", "bhrt.ba",
    "mrt.com.mk", "suspilne.media", "bnt.bg", "bnr.bg", "tvr.ro", "rtl.lu", "tvm.com.mt", "cybc.com.cy",
    "rtk-live.com", "rtklive.com", "abc.es", "ebc.com.br", "agenciabrasil.ebc.com.br", "sbs.com.au",
    "tvnz.co.nz", "ptbc.com", "kan.org.il", "dw.com", "rfi.fr", "france24.com", "bbc.co.uk", "bbc.com",
    "rthk.hk", "pts.org.tw", "abs-cbn.com", "thaipbs.or.th", "kbc.co.ke", "nbc.na", "ubc.go.ug",
    "gbcghana.com", "ghanaweb.com_", "tv5monde.com", "swissinfo.ch", "telemadrid.es", "ccma.cat",
    "3cat.cat", "eitb.eus", "rtl.hu_", "mtva.hu", "hirado.hu", "tvp.info_", "polskieradio.pl_",
    "rtvs.sk", "stvr.sk", "trm.md", "moldova1.md", "1tv.ge", "itv.ge_", "armenpress.am_", "rtb.bn_"}

STATE_CONTROLLED = {"rt.com", "ria.ru", "tass.ru", "tass.com", "cgtn.com", "xinhuanet.com", "news.cn",
    "chinadaily.com.cn", "globaltimes.cn", "people.com.cn", "cctv.com", "presstv.ir", "irna.ir",
    "sana.sy", "kcna.kp", "rodong.rep.kp", "granma.cu", "prensa-latina.cu", "telesurtv.net",
    "belta.by", "sb.by", "tvp.info", "aa.com.tr", "trtworld.com", "trt.net.tr", "trthaber.com",
    "almanar.com.lb", "vtv.gov.vn", "vietnamplus.vn", "nhandan.vn", "qdnd.vn", "spa.gov.sa",
    "wam.ae", "ahram.org.eg", "mena.org.eg", "sabanews.net", "tehrantimes.com", "isna.ir",
    "mehrnews.com", "kazinform.kz", "uza.uz", "turkmenistan.gov.tm", "1tv.ru", "vesti.ru",
    "rg.ru", "mapnews.ma", "aps.dz", "ena.et", "tap.info.tn", "sputniknews.com", "aljazeera.com",
    "aljazeera.net", "ptinews.com_", "vnanet.vn", "lao.news_", "kpl.gov.la", "myanmar.gov.mm"}

WIRE_AGENCIES = {"ansa.it", "kyodonews.net", "pap.pl", "efe.com", "interfax.ru", "interfax.com.ua",
    "afp.com", "apa.at", "ctk.cz", "bta.bg", "agerpres.ro", "ukrinform.ua", "ukrinform.net",
    "antaranews.com", "bernama.com", "pna.gov.ph", "yna.co.kr", "yonhapnews.co.kr", "lusa.pt",
    "belga.be", "anp.nl", "tanjug.rs", "hina.hr", "mti.hu", "kuna.net.kw", "ana-mpa.gr", "amna.gr",
    "armenpress.am", "azertag.az", "bss.gov.bd", "bssnews.net", "app.com.pk", "ians.in",
    "ptinews.com", "andina.pe", "dpa.com", "tt.se", "ntb.no", "stt.fi", "ritzau.dk", "sta.si",
    "tasr.sk", "ghananewsagency.org", "nannews.ng", "kenyanews.go.ke", "apsnews.com", "mia.mk",
    "fena.ba", "mina.news", "akipress.com", "kabar.kg", "trend.az", "apa.az", "news.am", "unian.ua",
    "unian.net", "unian.info", "rnsa.ru", "prensa-latina.cu", "agenciabrasil.ebc.com.br"}
# wire agencies owned by a state are kept as wire agencies; the note says so
STATE_OWNED_WIRES = {"tass.ru", "tass.com", "xinhuanet.com", "news.cn", "aa.com.tr", "mapnews.ma",
    "aps.dz", "ena.et", "tap.info.tn", "wam.ae", "spa.gov.sa", "mena.org.eg", "sana.sy",
    "kazinform.kz", "vnanet.vn", "kpl.gov.la", "irna.ir", "prensa-latina.cu", "belta.by"}
NON_PROFIT = {"npr.org", "propublica.org", "theconversation.com", "calmatters.org", "texastribune.org",
    "scroll.in_", "mediapart.fr_", "correctiv.org", "gazeta.ru_", "meduza.io_", "mada.masr_"}

SKIP_FEED = re.compile(r"podcast|/sport|sports?[/.]|football|futbol|cricket|soccer|horoscope|"
                       r"recipe|/video|/audio|weather|/tag/|lifestyle|celebrit|entertainment", re.I)
PLATFORM = re.compile(r"feedburner|feedproxy|google\.|reddit\.|youtube\.|substack\.|medium\.com|"
                      r"blogspot\.|wordpress\.com|tumblr\.|rss\.app|fetchrss|politepol|rsshub", re.I)

# international services, one outlet per language edition (country empty = international)
def bbc(svc, lang, name):
    return {"id": "bbc-" + svc.replace("/", "-"), "name": "BBC " + name, "homepage": "https://www.bbc.com/" + svc,
            "feeds": ["https://feeds.bbci.co.uk/%s/rss.xml" % svc], "sitemaps": [], "country": "",
            "languages": [lang], "owner_type": "public_broadcaster",
            "notes": "BBC World Service language edition"}

INTERNATIONAL = [
    bbc("arabic", "ar", "Arabic"), bbc("persian", "fa", "Persian"), bbc("russian", "ru", "Russian"),
    bbc("ukrainian", "uk", "Ukrainian"), bbc("mundo", "es", "Mundo"), bbc("portuguese", "pt", "Brasil"),
    bbc("hindi", "hi", "Hindi"), bbc("urdu", "ur", "Urdu"), bbc("bengali", "bn", "Bangla"),
    bbc("tamil", "ta", "Tamil"), bbc("telugu", "te", "Telugu"), bbc("marathi", "mr", "Marathi"),
    bbc("gujarati", "gu", "Gujarati"), bbc("punjabi", "pa", "Punjabi"), bbc("swahili", "sw", "Swahili"),
    bbc("hausa", "ha", "Hausa"), bbc("somali", "so", "Somali"), bbc("amharic", "am", "Amharic"),
    bbc("tigrinya", "ti", "Tigrinya"), bbc("afaanoromoo", "om", "Afaan Oromoo"),
    bbc("yoruba", "yo", "Yoruba"), bbc("igbo", "ig", "Igbo"), bbc("gahuza", "rw", "Gahuza"),
    bbc("afrique", "fr", "Afrique"), bbc("turkce", "tr", "Türkçe"), bbc("vietnamese", "vi", "Vietnamese"),
    bbc("zhongwen/simp", "zh", "Chinese"), bbc("indonesia", "id", "Indonesia"), bbc("nepali", "ne", "Nepali"),
    bbc("pashto", "ps", "Pashto"), bbc("burmese", "my", "Burmese"), bbc("korean", "ko", "Korean"),
    bbc("japanese", "ja", "Japanese"), bbc("thai", "th", "Thai"), bbc("sinhala", "si", "Sinhala"),
    bbc("kyrgyz", "ky", "Kyrgyz"), bbc("uzbek", "uz", "Uzbek"), bbc("azeri", "az", "Azeri"),
    bbc("serbian/lat", "sr", "Serbian"), bbc("dari", "fa", "Dari"),
] + [
    {"id": "dw-" + code, "name": "DW " + name, "homepage": "https://www.dw.com/" + path + "/",
     "feeds": ["https://rss.dw.com/xml/rss-%s-all" % feed], "sitemaps": [], "country": "",
     "languages": [code], "owner_type": "public_broadcaster", "notes": "Deutsche Welle language edition"}
    for code, name, path, feed in [("es", "Español", "es", "es"), ("ar", "Arabic", "ar", "ar"),
                                   ("tr", "Türkçe", "tr", "tur")]
] + [
    {"id": "rfi-" + code, "name": "RFI " + name, "homepage": "https://www.rfi.fr/%s/" % code,
     "feeds": ["https://www.rfi.fr/%s/rss" % code], "sitemaps": [], "country": "",
     "languages": [code], "owner_type": "public_broadcaster", "notes": "Radio France Internationale language edition"}
    for code, name in [("en", "English"), ("es", "Español"), ("sw", "Kiswahili")]
] + [
    {"id": "france24-" + code, "name": "France 24 " + name, "homepage": "https://www.france24.com/%s/" % code,
     "feeds": ["https://www.france24.com/%s/rss" % code], "sitemaps": [], "country": "",
     "languages": [code], "owner_type": "public_broadcaster", "notes": "France Médias Monde"}
    for code, name in [("es", "Español"), ("ar", "Arabic")]
] + [
    {"id": "euronews-" + code, "name": "Euronews " + name,
     "homepage": "https://%s.euronews.com/" % ("www" if code == "en" else code),
     "feeds": ["https://%s.euronews.com/rss" % ("www" if code == "en" else code)], "sitemaps": [],
     "country": "", "languages": [code], "owner_type": "unknown", "notes": "pan-European channel"}
    for code, name in [("en", "English"), ("fr", "Français"), ("de", "Deutsch"), ("es", "Español"),
                       ("it", "Italiano"), ("pt", "Português"), ("ru", "Russian"), ("tr", "Türkçe"),
                       ("hu", "Magyar"), ("el", "Greek"), ("pl", "Polski")]
] + [
    {"id": "al-jazeera-balkans", "name": "Al Jazeera Balkans", "homepage": "https://balkans.aljazeera.net/",
     "feeds": ["https://balkans.aljazeera.net/rss.xml"], "sitemaps": [], "country": "", "languages": ["bs"],
     "owner_type": "state_controlled", "notes": "Al Jazeera Media Network, funded by the State of Qatar"},
    {"id": "kyodo-news", "name": "Kyodo News", "homepage": "https://english.kyodonews.net/",
     "feeds": ["https://english.kyodonews.net/rss/all.xml"], "sitemaps": [], "country": "JP", "languages": ["en"],
     "owner_type": "wire_agency", "notes": "English service of the Japanese news agency"},
    {"id": "efe-english", "name": "Agencia EFE English", "homepage": "https://www.efe.com/",
     "feeds": ["https://www.efe.com/efe/english/4/rss"], "sitemaps": [], "country": "ES", "languages": ["en"],
     "owner_type": "wire_agency", "notes": "Spanish news agency, state-owned"},
    {"id": "xinhua-english", "name": "Xinhua", "homepage": "http://www.xinhuanet.com/english/",
     "feeds": ["http://www.xinhuanet.com/english/rss/worldrss.xml", "http://www.xinhuanet.com/english/rss/chinarss.xml"],
     "sitemaps": [], "country": "CN", "languages": ["en"], "owner_type": "wire_agency",
     "notes": "state news agency of the People's Republic of China"},
    {"id": "interfax", "name": "Interfax", "homepage": "https://www.interfax.ru/",
     "feeds": ["https://www.interfax.ru/rss.asp"], "sitemaps": [], "country": "RU", "languages": ["ru"],
     "owner_type": "wire_agency", "notes": ""},
    {"id": "afp-fr", "name": "AFP", "homepage": "https://www.afp.com/fr",
     "feeds": ["https://www.afp.com/fr/actus/afp_actualite/792,31,9,7,33/feed"], "sitemaps": [], "country": "FR",
     "languages": ["fr"], "owner_type": "wire_agency", "notes": "Agence France-Presse"},
    {"id": "map-maroc", "name": "MAP (Maghreb Arabe Presse)", "homepage": "https://www.mapnews.ma/ar",
     "feeds": ["https://www.mapnews.ma/ar/actualites/general/rss"], "sitemaps": [], "country": "MA",
     "languages": ["ar"], "owner_type": "wire_agency", "notes": "state-owned news agency"},
    {"id": "nhk-world-radio-english", "name": "NHK World Radio Japan (English)",
     "homepage": "https://www3.nhk.or.jp/nhkworld/", "feeds": ["http://www.nhk.or.jp/rj/podcast/rss/english.xml"],
     "sitemaps": [], "country": "", "languages": ["en"], "owner_type": "public_broadcaster",
     "notes": "NHK's international service; the feed lists radio news bulletins"},
]


def site_of(url):
    host = re.sub(r"^https?://", "", url).split("/")[0].split(":")[0].lower()
    labels = host.split(".")
    if len(labels) >= 3 and (labels[-2] in ("co", "com", "org", "net", "gov", "ac", "or", "ne", "go")
                             or len(labels[-2]) <= 2 and len(labels[-1]) == 2 and labels[-2] != "on"):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def matches(site, table):
    return any(site == t or site.endswith("." + t) for t in table)


def slug(text):
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:40].strip("-")


def clean_name(name, site):
    if not name:
        return None
    n = re.sub(r"\s+", " ", name).strip()
    n = re.sub(r"^(RSS( di)?|Latest News and News Headlines|Latest news|Top stories|News|Home)\s*[|:\-–]\s*", "", n, flags=re.I)
    n = re.sub(r"\s*[|:\-–]\s*(RSS.*|Latest.*|Top stories|Home|News|Headlines|All|Homepage|Feed)$", "", n, flags=re.I)
    n = n.strip(" -|:")
    if not n or len(n) > 60 or n.lower() in ("news", "rss", "home", "none"):
        return None
    return n


def url_language(urls):
    for u in urls:
        low = u.lower()
        for word, code in URL_LANGUAGE.items():
            if re.search(r"(?:^|[/.\-_])" + word + r"(?:[/.\-_]|$)", low):
                return code
        rest = re.sub(r"^https?://", "", low)
        host, _, path = rest.partition("/")
        m = CODE_IN_HOST.search(host) or CODE_IN_PATH.search("/" + path)
        if m:
            return m.group(1)
    return None


def owner(site, kagi_label):
    if matches(site, WIRE_AGENCIES) or matches(site, STATE_OWNED_WIRES) and site not in ("irna.ir", "sana.sy"):
        return "wire_agency"
    if matches(site, PUBLIC_BROADCASTERS):
        return "public_broadcaster"
    if matches(site, STATE_CONTROLLED):
        return "state_controlled"
    if matches(site, NON_PROFIT):
        return "non_profit"
    if kagi_label == "private":
        return "private"
    return "unknown"


def main(outlets_path, hand_path, catalog_path):
    with open(hand_path, encoding="utf-8") as f:
        kept = [json.loads(l) for l in f if l.strip()]
    hand_ids = {k["id"] for k in kept}
    records = [json.loads(l) for l in open(outlets_path, encoding="utf-8")]

    taken_sites = set()
    for k in kept + INTERNATIONAL:
        for u in k["feeds"] + [k["homepage"]]:
            taken_sites.add(site_of(u))
    per_country = defaultdict(int)
    for k in kept:
        per_country[k["country"]] += 1

    by_site = defaultdict(list)
    for r in records:
        if not r.get("site") or not r.get("country") or r["country"] == "GLOBAL":
            continue
        by_site[(r["site"], r["country"])].append(r)

    countries_of_site = defaultdict(set)
    for site, country in by_site:
        countries_of_site[site].add(country)
    candidates = defaultdict(list)
    for (site, country), rs in by_site.items():
        if len(countries_of_site[site]) >= 3:
            continue  # a foreign outlet's feeds tagged by country, not a national outlet
        if site in taken_sites or matches(site, INTERNATIONAL_SITES):
            continue
        if any(r.get("upstream_check_2026_03") == "failed" for r in rs):
            continue
        feeds = []
        for r in rs:
            for u in r["feeds"]:
                host = re.sub(r"^https?://", "", u).split("/")[0].split(":")[0].lower()
                if not (host == site or host.endswith("." + site)) or len(re.findall(r"-", u)) >= 6:
                    continue  # a feed of another site filed under this one
                if u not in feeds and not SKIP_FEED.search(u) and not PLATFORM.search(u) and u.startswith("http"):
                    feeds.append(u)
        news_sitemaps = [u for r in rs for u in r.get("news_sitemaps") or []]
        if not feeds and not news_sitemaps:
            continue
        names = {}
        for r in rs:
            n = clean_name(r.get("name"), site)
            if n:
                names.setdefault(r["origin"].split("/")[0], n)
        name = next((names[o] for o in ("flairNLP", "ournet", "yavuz", "plenaryapp", "kagisearch") if o in names), None)
        if not name or SKIP_NAME.search(name):
            continue
        upstream = [l for r in rs if r.get("language_basis") == "upstream" for l in r["languages"]]
        guess = url_language(feeds)
        if not guess and COUNTRY_LANGUAGE.get(country) != "en" and ENGLISH_NAME.search(name):
            guess = "en"
        lang = list(dict.fromkeys(upstream)) or [guess or COUNTRY_LANGUAGE.get(country)]
        if not lang or not lang[0]:
            continue
        kagi_owner = next((r.get("owner_type") for r in rs if r.get("owner_type")), None)
        own = owner(site, kagi_owner)
        origins = {r["origin"] for r in rs}
        score = len(origins)
        score += {"public_broadcaster": 4, "wire_agency": 4, "state_controlled": 2}.get(own, 0)
        if kagi_owner in ("state-funded", "public-broadcaster"):
            score += 2
        if any(r.get("upstream_check_2026_03") == "ok" for r in rs):
            score += 2
        if any(r.get("upstream_check_2026_03") == "failed" for r in rs):
            score -= 3
        if any(r.get("deprecated_upstream") for r in rs):
            score -= 5
        if "flairNLP/fundus" in origins:
            score += 1
        feeds.sort(key=lambda u: (0 if re.search(r"(all|latest|top|home|index|main|news)", u, re.I) else 1, len(u)))
        homepage = next((r["homepage"] for r in rs if r.get("homepage")), None) or "https://www." + site + "/"
        notes = []
        if site in STATE_OWNED_WIRES or (own == "wire_agency" and matches(site, STATE_OWNED_WIRES)):
            notes.append("state-owned news agency")
        candidates[country].append((score, len(feeds), {
            "id": None, "name": name, "homepage": homepage, "feeds": feeds[:FEEDS_PER_OUTLET],
            "sitemaps": news_sitemaps[:1], "country": country, "languages": lang,
            "owner_type": own, "notes": "; ".join(notes)}))

    ids = set(hand_ids) | {i["id"] for i in INTERNATIONAL}
    generated = []
    for country in sorted(candidates):
        room = BIG.get(country, PER_COUNTRY) - per_country[country]
        ranked = sorted(candidates[country], key=lambda c: (-c[0], -c[1], c[2]["name"]))
        for _, _, o in ranked[:max(room, 0)]:
            base = slug(o["name"]) or slug(site_of(o["homepage"]))
            oid = base if base not in ids else base + "-" + country.lower()
            n = 2
            while oid in ids:
                oid = "%s-%s%d" % (base, country.lower(), n)
                n += 1
            ids.add(oid)
            o["id"] = oid
            generated.append(o)

    with open(catalog_path, "w", encoding="utf-8") as f:
        for o in kept + INTERNATIONAL + generated:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    all_ = kept + INTERNATIONAL + generated
    print("%d outlets, %d countries, %d languages" % (len(all_), len({o["country"] for o in all_ if o["country"]}),
                                                    len({l for o in all_ for l in o["languages"]})), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
