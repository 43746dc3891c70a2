#!/usr/bin/env python3
"""Generate a deterministic mixed-language set of press-release style articles (JSONL).

    .venv/bin/python bench/gen_articles.py --n 10000 --seed 6 --out /tmp/batch.jsonl

Each record is ``{"id", "lang", "date", "text"}``; ``lang`` is one of en, ko, zh, ja, en+ko,
en+zh, en+ja. An article is a headline and body built from template banks: the same facts
(event and its edition, dates, ranges, times, counts, money, percentages, founding years,
durations) are drawn once per article and rendered in each of its languages, so bilingual
articles read as translations of each other. Numbers, dates and lengths vary (a few hundred
to a few thousand characters). About 5% of articles carry one planted defect (a wrong ordinal
suffix or an edition number that differs between languages), as real drafts do, so the rules
have something to report and the benchmark also measures the finding path.

Records are yielded one at a time (``iter_articles``) and written as they come: the 10,000
article set is never held in memory.
"""

# ruff: noqa: E501
# (Template banks: one sentence per line reads and diffs better than f-strings split mid-phrase.)
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LANG_MIX = ("en", "ko", "zh", "ja", "en+ko", "en+zh", "en+ja")
# Weights: monolingual articles dominate real archives; bilingual ones are the product's focus.
LANG_WEIGHTS = (3, 3, 2, 2, 2, 1, 1)
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ko": ("월", "화", "수", "목", "금", "토", "일"),
    "zh": ("一", "二", "三", "四", "五", "六", "日"),
    "ja": ("月", "火", "水", "木", "金", "土", "日"),
}
MONTHS_EN = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec.")

# (en, ko, zh, ja) names. Events take an edition number, organisations and cities none.
EVENTS = (
    ("Korea-China-Japan Local Government Exchange Conference", "한중일 지방정부 교류회의",
     "中日韩地方政府交流会议", "日中韓地方政府交流会議"),
    ("International Smart City Expo", "국제 스마트시티 엑스포", "国际智慧城市博览会",
     "国際スマートシティ博覧会"),
    ("Asia Pacific Water Forum", "아시아태평양 물 포럼", "亚太水论坛", "アジア太平洋水フォーラム"),
    ("Northeast Asia Tourism Summit", "동북아 관광 정상회의", "东北亚旅游峰会",
     "北東アジア観光サミット"),
    ("Global Startup Festival", "글로벌 스타트업 페스티벌", "全球创业节", "グローバルスタートアップ祭"),
    ("East Asia Film Awards", "동아시아 영화상 시상식", "东亚电影颁奖典礼", "東アジア映画賞授賞式"),
    ("Regional Science Fair", "지역 과학 박람회", "地区科学博览会", "地域科学フェア"),
    ("Youth Robotics Championship", "청소년 로봇 대회", "青少年机器人锦标赛", "青少年ロボット選手権"),
    ("Marine Industry Exhibition", "해양산업 전시회", "海洋产业展览会", "海洋産業展示会"),
    ("Hydrogen Economy Forum", "수소경제 포럼", "氢能经济论坛", "水素経済フォーラム"),
)
CITIES = (
    ("Anyang", "안양시", "安养市", "安養市"), ("Busan", "부산시", "釜山市", "釜山市"),
    ("Incheon", "인천시", "仁川市", "仁川市"), ("Suwon", "수원시", "水原市", "水原市"),
    ("Qingdao", "칭다오시", "青岛市", "青島市"), ("Dalian", "다롄시", "大连市", "大連市"),
    ("Osaka", "오사카시", "大阪市", "大阪市"), ("Fukuoka", "후쿠오카시", "福冈市", "福岡市"),
    ("Tianjin", "톈진시", "天津市", "天津市"), ("Kobe", "고베시", "神户市", "神戸市"),
)
PEOPLE = (
    ("Mayor Choi Dae-ho", "최대호 시장", "崔大镐市长", "崔大鎬市長"),
    ("Governor Kim Min-jun", "김민준 지사", "金敏俊知事", "金敏俊知事"),
    ("Chairman Li Wei", "리웨이 위원장", "李伟主席", "李偉委員長"),
    ("Director Tanaka Yuki", "다나카 유키 국장", "田中由纪局长", "田中由紀局長"),
    ("President Park Ji-won", "박지원 회장", "朴智媛会长", "朴智媛会長"),
    ("Minister Zhang Hua", "장화 장관", "张华部长", "張華大臣"),
)
# Counted nouns: (en plural, ko counter phrase, zh counter+noun, ja counter+noun).
COUNTED = (
    ("people", "명", "人", "人"), ("delegates", "명의 대표단", "名代表", "人の代表"),
    ("countries", "개국", "个国家", "か国"), ("companies", "개 기업", "家企业", "社"),
    ("cities", "개 도시", "个城市", "都市"), ("booths", "개 부스", "个展位", "ブース"),
    ("sessions", "개 세션", "场会议", "セッション"), ("visitors", "명의 방문객", "名游客", "人の来場者"),
)


@dataclass
class Facts:
    """What one article says; every language renders the same values."""

    event: tuple[str, ...]
    city: tuple[str, ...]
    host_city: tuple[str, ...]
    person: tuple[str, ...]
    edition: int
    pub: dt.date
    start: dt.date
    end: dt.date
    founded: int


def ordinal_en(n: int) -> str:
    # The English suffix rule: 11-13 take "th", else the last digit decides.
    if 10 <= n % 100 <= 13:
        return f"{n}th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def wrong_ordinal_en(n: int) -> str:
    # A planted defect: keep the digits, choose a suffix the rule forbids.
    right = ordinal_en(n)[len(str(n)):]
    wrong = [s for s in ("st", "nd", "rd", "th") if s != right]
    return f"{n}{wrong[n % len(wrong)]}"


def en_date(d: dt.date, rng: random.Random, year: bool = True) -> str:
    style = rng.randrange(3)
    if style == 0:
        return f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}" if year else f"{MONTHS_EN[d.month - 1]} {d.day}"
    if style == 1:
        return f"{WEEKDAYS['en'][d.weekday()]}, {d:%B} {d.day}"
    return f"the {ordinal_en(d.day)}"


def cjk_date(d: dt.date, lang: str, rng: random.Random) -> str:
    wd = WEEKDAYS[lang][d.weekday()]
    if lang == "ko":
        return rng.choice((f"{d.year}년 {d.month}월 {d.day}일", f"{d.month}월 {d.day}일({wd})",
                           f"{d.day}일"))
    full = f"{d.year}年{d.month}月{d.day}日"
    if lang == "ja":
        return rng.choice((full, f"{d.month}月{d.day}日（{wd}）", f"{d.day}日"))
    return rng.choice((full, f"{d.month}月{d.day}日（星期{wd}）", f"{d.day}日"))


def date_range(f: Facts, lang: str) -> str:
    s, e = f.start, f.end
    same_month = s.month == e.month
    if lang == "en":
        if same_month:
            return f"{MONTHS_EN[s.month - 1]} {s.day}-{e.day}"
        return f"{MONTHS_EN[s.month - 1]} {s.day} to {MONTHS_EN[e.month - 1]} {e.day}"
    if lang == "ko":
        return f"{s.month}월 {s.day}~{e.day}일" if same_month else f"{s.month}월 {s.day}일부터 {e.month}월 {e.day}일까지"
    if lang == "zh":
        return f"{s.month}月{s.day}日至{e.day}日" if same_month else f"{s.month}月{s.day}日至{e.month}月{e.day}日"
    return f"{s.month}月{s.day}日から{e.day}日まで" if same_month else f"{s.month}月{s.day}日から{e.month}月{e.day}日まで"


def clock(h: int, m: int, lang: str) -> str:
    h12 = h % 12 or 12
    if lang == "en":
        return f"{h12}:{m:02d} {'a.m.' if h < 12 else 'p.m.'}"
    half = {"ko": ("오전", "오후"), "zh": ("上午", "下午"), "ja": ("午前", "午後")}[lang][h >= 12]
    if lang == "ko":
        return f"{half} {h12}시" + (f" {m}분" if m else "")
    unit = "点" if lang == "zh" else "時"
    return f"{half}{h12}{unit}" + (f"{m}分" if m else "")


def count(n: int, noun: tuple[str, ...], lang: str) -> str:
    i = {"en": 0, "ko": 1, "zh": 2, "ja": 3}[lang]
    if lang == "en":
        return f"{n:,} {noun[0]}"
    if lang == "ko":
        return f"{n:,}{noun[1]}"
    return f"{n}{noun[i]}"


def money(amount: int, lang: str) -> str:
    # amount is in units of 10,000 won: "1억 2000만 원" / "12 billion won" / "1.2亿韩元".
    if lang == "en":
        return f"{amount * 10_000 / 1e9:.1f} billion won" if amount >= 100_000 else f"{amount * 10_000:,} won"
    if lang == "ko":
        eok, man = divmod(amount, 10_000)
        return (f"{eok}억 " if eok else "") + (f"{man}만 " if man else "") + "원"
    if lang == "zh":
        return f"{amount / 10_000:.1f}亿韩元" if amount >= 10_000 else f"{amount}万韩元"
    eok, man = divmod(amount, 10_000)
    return (f"{eok}億" if eok else "") + (f"{man}万" if man else "") + "ウォン"


def edition(f: Facts, lang: str, wrong: bool = False) -> str:
    n = f.edition
    if lang == "en":
        return wrong_ordinal_en(n) if wrong else ordinal_en(n)
    return {"ko": f"제{n}회", "zh": f"第{n}届", "ja": f"第{n}回"}[lang]


L = {"en": 0, "ko": 1, "zh": 2, "ja": 3}


def josa(word: str, with_final: str, without_final: str) -> str:
    """Korean particle after a word: 은/는, 이/가, 을/를 depend on a final consonant."""
    last = word[-1]
    has_final = "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0
    return word + (with_final if has_final else without_final)


def sentence_bank(f: Facts, rng: random.Random, defect: str | None) -> list[dict[str, str]]:
    """Body sentences for one article, each in all four languages with the same values."""
    ev, city, host, who = f.event, f.city, f.host_city, f.person
    n_people = rng.choice((rng.randint(12, 95), rng.randint(100, 980), rng.randint(1000, 48_000)))
    n_countries = rng.randint(3, 60)
    noun = rng.choice(COUNTED)
    n_noun = rng.randint(5, 900)
    pct = rng.choice((rng.randint(2, 95), round(rng.uniform(0.5, 60), 1)))
    budget = rng.choice((rng.randint(500, 9_999), rng.randint(10_000, 990_000)))
    h, m = rng.choice((9, 10, 11, 13, 14, 15, 16, 17, 19)), rng.choice((0, 0, 10, 20, 30, 40))
    mins = rng.choice((20, 30, 40, 45, 90, 120))
    prev_year = f.start.year - 1
    growth_base = rng.randint(200, 9_000)
    growth = growth_base + rng.randint(1, growth_base)
    prev_host = rng.choice(CITIES)
    prev_visitors = rng.randint(800, 60_000)
    mou_year = rng.randint(1992, f.pub.year - 1)
    s = {
        "intro": {
            "en": f"{who[0]} of {city[0]} announced on {en_date(f.pub, rng)} that the city will "
                  f"attend the {edition(f, 'en', defect == 'suffix')} {ev[0]} in {host[0]} from "
                  f"{date_range(f, 'en')}.",
            "ko": f"{josa(city[1], '은', '는')} {cjk_date(f.pub, 'ko', rng)} {josa(who[1], '이', '가')} {host[1]}에서 열리는 {edition(f, 'ko')} {ev[1]}에 참석한다고 밝혔다. 행사는 {date_range(f, 'ko')} 열린다.",
            "zh": f"{city[2]}{who[2]}{cjk_date(f.pub, 'zh', rng)}宣布，将出席于{date_range(f, 'zh')}"
                  f"在{host[2]}举行的{edition(f, 'zh')}{ev[2]}。",
            "ja": f"{city[3]}の{who[3]}は{cjk_date(f.pub, 'ja', rng)}、{date_range(f, 'ja')}の日程で"
                  f"{host[3]}で開かれる{edition(f, 'ja')}{ev[3]}に出席すると発表した。",
        },
        "attendance": {
            "en": f"About {count(n_people, COUNTED[0], 'en')} from {n_countries} countries are expected.",
            "ko": f"이번 행사에는 {n_countries}개국에서 약 {n_people:,}명이 참가할 예정이다.",
            "zh": f"预计将有来自{n_countries}个国家的约{n_people}人参加。",
            "ja": f"{n_countries}か国から約{n_people}人が参加する見込みだ。",
        },
        "noun": {
            "en": f"Organisers said {count(n_noun, noun, 'en')} had registered by {en_date(f.start - dt.timedelta(days=rng.randint(3, 40)), rng)}.",
            "ko": f"주최 측은 {cjk_date(f.start - dt.timedelta(days=rng.randint(3, 40)), 'ko', rng)}까지 {josa(count(n_noun, noun, 'ko'), '이', '가')} 등록했다고 전했다.",
            "zh": f"主办方表示，截至{cjk_date(f.start - dt.timedelta(days=rng.randint(3, 40)), 'zh', rng)}，已有{count(n_noun, noun, 'zh')}报名。",
            "ja": f"主催者によると、{cjk_date(f.start - dt.timedelta(days=rng.randint(3, 40)), 'ja', rng)}までに{count(n_noun, noun, 'ja')}が登録した。",
        },
        "history": {
            "en": f"The {ev[0]} has been held every year since {f.founded}, and this is its "
                  f"{ordinal_en(f.edition)} edition.",
            "ko": f"{josa(ev[1], '은', '는')} {f.founded}년부터 매년 열리고 있으며 올해로 {f.edition}회째를 맞는다.",
            "zh": f"{ev[2]}自{f.founded}年起每年举办，今年是第{f.edition}届。",
            "ja": f"{ev[3]}は{f.founded}年から毎年開かれており、今年で{f.edition}回目となる。",
        },
        "budget": {
            "en": f"The city has set aside {money(budget, 'en')} for the programme, {pct}% more than in {prev_year}.",
            "ko": f"시는 이번 사업에 {josa(money(budget, 'ko'), '을', '를')} 편성했으며 이는 {prev_year}년보다 {pct}% 늘어난 규모다.",
            "zh": f"该市为此拨款{money(budget, 'zh')}，比{prev_year}年增加{pct}%。",
            "ja": f"市はこの事業に{money(budget, 'ja')}を計上し、{prev_year}年より{pct}%増えた。",
        },
        "ceremony": {
            "en": f"The opening ceremony starts at {clock(h, m, 'en')} on {en_date(f.start, rng, year=False)} and lasts about {mins} minutes.",
            "ko": f"개막식은 {cjk_date(f.start, 'ko', rng)} {clock(h, m, 'ko')}에 시작해 약 {mins}분간 진행된다.",
            "zh": f"开幕式将于{cjk_date(f.start, 'zh', rng)}{clock(h, m, 'zh')}开始，持续约{mins}分钟。",
            "ja": f"開会式は{cjk_date(f.start, 'ja', rng)}{clock(h, m, 'ja')}に始まり、約{mins}分間行われる。",
        },
        "growth": {
            "en": f"Visitors rose from {growth_base:,} in {prev_year - 1} to {growth:,} in {prev_year}.",
            "ko": f"방문객은 {prev_year - 1}년 {growth_base:,}명에서 {prev_year}년 {growth:,}명으로 늘었다.",
            "zh": f"游客人数从{prev_year - 1}年的{growth_base}人增至{prev_year}年的{growth}人。",
            "ja": f"来場者は{prev_year - 1}年の{growth_base}人から{prev_year}年には{growth}人に増えた。",
        },
        "quote": {
            "en": f"\"We will share what {city[0]} has learned with our partner cities,\" {who[0]} said.",
            "ko": f"{josa(who[1], '은', '는')} \"{city[1]}의 경험을 자매도시들과 나누겠다\"고 말했다.",
            "zh": f"{who[2]}表示：“我们将与友好城市分享{city[2]}的经验。”",
            "ja": f"{who[3]}は「{city[3]}の経験を姉妹都市と共有したい」と述べた。",
        },
        "agenda": {
            "en": f"Delegates will discuss climate policy, transport and culture in {rng.randint(3, 12)} sessions over {(f.end - f.start).days + 1} days.",
            "ko": f"대표단은 {(f.end - f.start).days + 1}일 동안 {rng.randint(3, 12)}개 세션에서 기후 정책, 교통, 문화를 논의한다.",
            "zh": f"代表们将在{(f.end - f.start).days + 1}天内通过{rng.randint(3, 12)}场会议讨论气候政策、交通和文化。",
            "ja": f"代表団は{(f.end - f.start).days + 1}日間、{rng.randint(3, 12)}のセッションで気候政策や交通、文化について議論する。",
        },
        "filler": {
            "en": "The programme also includes a tour of local factories, a cultural performance and a joint press conference.",
            "ko": "행사 기간에는 지역 기업 견학과 문화 공연, 공동 기자회견도 열린다.",
            "zh": "活动期间还将安排参观当地企业、文艺演出和联合记者会。",
            "ja": "期間中は地元企業の見学や文化公演、共同記者会見も予定されている。",
        },
        "contact": {
            "en": f"Registration closes at {clock(18, 0, 'en')} on {en_date(f.start - dt.timedelta(days=2), rng)}; details are on the city website.",
            "ko": f"참가 신청은 {cjk_date(f.start - dt.timedelta(days=2), 'ko', rng)} {clock(18, 0, 'ko')}까지 시 홈페이지에서 받는다.",
            "zh": f"报名截至{cjk_date(f.start - dt.timedelta(days=2), 'zh', rng)}{clock(18, 0, 'zh')}，详情请见市政府网站。",
            "ja": f"参加申し込みは{cjk_date(f.start - dt.timedelta(days=2), 'ja', rng)}{clock(18, 0, 'ja')}まで市のウェブサイトで受け付ける。",
        },
        "previous": {
            "en": f"Last year's {ordinal_en(f.edition - 1) if f.edition > 1 else 'inaugural'} edition in {prev_host[0]} drew {prev_visitors:,} visitors over {rng.randint(2, 6)} days.",
            "ko": f"지난해 {prev_host[1]}에서 열린 {'제' + str(f.edition - 1) + '회' if f.edition > 1 else '첫'} 행사에는 {prev_visitors:,}명이 다녀갔다.",
            "zh": f"去年在{prev_host[2]}举办的{'第' + str(f.edition - 1) + '届' if f.edition > 1 else '首届'}活动共吸引{prev_visitors}名游客。",
            "ja": f"昨年{prev_host[3]}で開かれた{'第' + str(f.edition - 1) + '回' if f.edition > 1 else '初回'}の大会には{prev_visitors}人が訪れた。",
        },
        "shuttle": {
            "en": f"Free shuttle buses will run every {rng.choice((10, 15, 20, 30))} minutes from {clock(8, 0, 'en')} to {clock(21, 30, 'en')}, and {rng.randint(2, 9)} parking lots will open.",
            "ko": f"무료 셔틀버스는 {clock(8, 0, 'ko')}부터 {clock(21, 30, 'ko')}까지 {rng.choice((10, 15, 20, 30))}분 간격으로 운행하며 주차장 {rng.randint(2, 9)}곳이 개방된다.",
            "zh": f"免费班车将于{clock(8, 0, 'zh')}至{clock(21, 30, 'zh')}每{rng.choice((10, 15, 20, 30))}分钟一班，并开放{rng.randint(2, 9)}个停车场。",
            "ja": f"無料シャトルバスは{clock(8, 0, 'ja')}から{clock(21, 30, 'ja')}まで{rng.choice((10, 15, 20, 30))}分間隔で運行し、駐車場{rng.randint(2, 9)}か所を開放する。",
        },
        "mou": {
            "en": f"{city[0]} signed a friendship agreement with {host[0]} in {mou_year} and has since sent {rng.randint(2, 40)} delegations.",
            "ko": f"{josa(city[1], '은', '는')} {mou_year}년 {host[1]}와 우호협력 협정을 맺은 뒤 지금까지 {rng.randint(2, 40)}차례 대표단을 파견했다.",
            "zh": f"{city[2]}于{mou_year}年与{host[2]}签署友好合作协议，此后已派出{rng.randint(2, 40)}批代表团。",
            "ja": f"{city[3]}は{mou_year}年に{host[3]}と友好協力協定を結び、これまでに{rng.randint(2, 40)}回代表団を派遣した。",
        },
        "background": {
            "en": "City officials said the event would help local firms find partners abroad and attract more tourists to the region.",
            "ko": "시 관계자는 이번 행사가 지역 기업의 해외 판로 개척과 관광객 유치에 도움이 될 것으로 기대했다.",
            "zh": "市政府相关人士表示，此次活动将有助于当地企业开拓海外市场并吸引更多游客。",
            "ja": "市の担当者は、今回の行事が地元企業の海外販路開拓と観光客誘致につながると期待を示した。",
        },
    }
    if defect == "edition":
        # The other language names a different edition of the same event: FC102 territory.
        s["intro"]["ko"] = s["intro"]["ko"].replace(f"제{f.edition}회", f"제{f.edition + 2}회")
    return list(s.values())


def headline(f: Facts, lang: str) -> str:
    i = L[lang]
    if lang == "en":
        return f"{f.city[0]} to join {ordinal_en(f.edition)} {f.event[0]} in {f.host_city[0]}"
    if lang == "ko":
        return f"{f.city[i]}, {f.host_city[i]} {edition(f, 'ko')} {f.event[i]} 참가"
    if lang == "zh":
        return f"{f.city[i]}将出席在{f.host_city[i]}举行的{edition(f, 'zh')}{f.event[i]}"
    return f"{f.city[i]}、{f.host_city[i]}の{edition(f, 'ja')}{f.event[i]}に参加"


def compose(rng: random.Random, lang: str, defect: str | None) -> tuple[str, dt.date]:
    pub = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(365 * 11))
    start = pub + dt.timedelta(days=rng.randint(1, 60))
    end = start + dt.timedelta(days=rng.randint(1, 5))
    edition_n = rng.randint(1, 45)
    city = rng.choice(CITIES)
    f = Facts(
        event=rng.choice(EVENTS), city=city, host_city=rng.choice([c for c in CITIES if c != city]),
        person=rng.choice(PEOPLE), edition=edition_n, pub=pub, start=start, end=end,
        founded=start.year - edition_n + 1,
    )
    # A few hundred to a few thousand characters: 2-40 body sentences in paragraphs of 1-4.
    # Templates are drawn without replacement; a long article draws a fresh bank (new
    # numbers, same event and dates), as a long release adds figures rather than repeating.
    n_sent = rng.choice((rng.randint(2, 6), rng.randint(6, 15), rng.randint(15, 40)))
    bank = sentence_bank(f, rng, defect)
    body = [bank[0]]
    pool: list[dict[str, str]] = []
    for _ in range(n_sent):
        if not pool:
            pool = sentence_bank(f, rng, None)[1:]
            rng.shuffle(pool)
        body.append(pool.pop())
    langs = lang.split("+")
    if len(langs) == 1:
        return _mono(f, body, langs[0], rng), pub
    en, other = langs
    if rng.random() < 0.5:
        # interleave: each English sentence followed by its translation, line by line
        lines = [headline(f, en), headline(f, other)]
        for sent in body:
            lines += [sent[en], sent[other]]
        return "\n".join(lines) + "\n", pub
    # concat: the English article, a blank line, the same article in the other language
    return _mono(f, body, en, rng) + "\n" + _mono(f, body, other, rng), pub


def _mono(f: Facts, body: list[dict[str, str]], lang: str, rng: random.Random) -> str:
    sep = " " if lang in ("en", "ko") else ""
    paras: list[str] = []
    i = 0
    while i < len(body):
        k = rng.randint(1, 4)
        paras.append(sep.join(s[lang] for s in body[i : i + k]))
        i += k
    return headline(f, lang) + "\n\n" + "\n\n".join(paras) + "\n"


def iter_articles(n: int, seed: int = 6) -> Iterator[dict[str, str]]:
    """Yield n articles; the same (n, seed) always gives the same records."""
    rng = random.Random(seed)
    for i in range(n):
        lang = rng.choices(LANG_MIX, LANG_WEIGHTS)[0]
        roll = rng.random()
        defect = "suffix" if roll < 0.03 else ("edition" if roll < 0.05 and lang == "en+ko" else None)
        text, pub = compose(rng, lang, defect)
        yield {"id": f"gen-{i:05d}", "lang": lang, "date": pub.isoformat(), "text": text}


def write_jsonl(path: Path, n: int, seed: int = 6) -> tuple[int, int]:
    """Write n articles to path; returns (articles, UTF-8 bytes of text)."""
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for rec in iter_articles(n, seed):
            total += len(rec["text"].encode("utf-8"))
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--out", type=Path, help="JSONL file to write (default: stdout)")
    args = ap.parse_args(argv)
    if args.out:
        n, size = write_jsonl(args.out, args.n, args.seed)
        print(f"{n} articles, {size / 1e6:.2f} MB of text -> {args.out}", file=sys.stderr)
    else:
        for rec in iter_articles(args.n, args.seed):
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
