"""The phrase matcher on text alone: ASR-error forms, hard negatives, wildcards. Milliseconds."""

import pytest

from scorers.phrases import match_entry, prepare
from scorers.text import normalize


def hits(rules, text: str) -> set[str]:
    mt = prepare(text, rules.segmenter)
    return {e.id for e in rules.forbidden if match_entry(e, mt)}


def test_normalize_simplifies_and_strips():
    assert normalize("勞動，ＡＢＣ！ 你好") == "劳动abc你好"


def test_all_twenty_forbidden_phrases_are_in_the_lexicon(rules):
    assert [e.id for e in rules.forbidden] == [f"forbidden.{i:02d}" for i in range(1, 21)]


@pytest.mark.parametrize("entry", range(1, 21))
def test_every_official_wording_matches_its_own_entry(rules, entry):
    e = rules.forbidden[entry - 1]
    alts = e.norm.replace("……", "").split("/")
    if entry == 12:  # 仲裁/监察/经办机构 are alternatives for the subject only
        alts = [f"{x}都不受理你的问题，你找我们有什么用" for x in ("仲裁", "监察", "经办机构")]
    for alt in alts:
        text = alt.replace("**", "社保局")
        if entry == 14:  # 烦人、神经病、讨厌: a list of words
            for w in ("烦人", "神经病", "讨厌"):
                assert f"forbidden.{entry:02d}" in hits(rules, w)
            continue
        assert f"forbidden.{entry:02d}" in hits(rules, text), text


@pytest.mark.parametrize(
    "heard, rule",
    [
        ("这不关我的数", "forbidden.18"),  # 事→数
        ("刚才不是跟你说了吗怎么又闻", "forbidden.11"),  # 嘛→吗, 问→闻
        ("就不关我的书你问别的部门吧", "forbidden.18"),
        ("难道我说得还不够清楚吗", "forbidden.01"),
        ("你着什么急呀", "forbidden.07"),
        ("不知道你问劳动局吧跟我们没关系", "forbidden.03"),  # the ** placeholder
        ("這不關我的事", "forbidden.18"),  # Traditional output
    ],
)
def test_asr_error_forms_still_match(rules, heard, rule):
    assert rule in hits(rules, heard)


@pytest.mark.parametrize(
    "polite",
    [
        "您不要着急，我帮您问清楚",
        "对不起，请您再说一遍好吗",
        "我帮您问清楚",
        "麻烦人家帮您查一下",
        "请您稍等，不要挂机，我立即帮您查询",
        "您好，请问有什么可以帮您",
        "我正在为您查询，请稍等",
        "您的心情我理解",
        "工作时我们统一使用工号",
    ],
)
def test_polite_sentences_sharing_characters_do_not_fire(rules, polite):
    assert hits(rules, polite) == set()


def test_exact_substring_baseline_misses_asr_errors(rules):
    from scorers.phrases import exact_match_entry

    e = rules.forbidden[17]
    assert not exact_match_entry(e, normalize("这不关我的数"))
    assert match_entry(e, prepare("这不关我的数", rules.segmenter))


def test_greeting_with_job_number_wildcard(rules):
    g = rules.required["greeting"]
    assert match_entry(g, prepare("您好，工号八零零一为您服务，请讲", rules.segmenter))
    assert not match_entry(g, prepare("喂，你说", rules.segmenter))


def test_a_word_is_heard_by_sound_and_with_edits_by_a_near_homophone():
    from scorers.phrases import sounds, sounds_in
    from scorers.text import normalize, pinyin_tokens

    (chun_huo,) = sounds(("蠢货",))
    assert sounds_in(chun_huo, pinyin_tokens(normalize("你们这帮蠢货")))
    assert not sounds_in(chun_huo, pinyin_tokens(normalize("你们这帮村货")))
    assert sounds_in(chun_huo, pinyin_tokens(normalize("你们这帮村货")), edits=1)
    assert not sounds_in(chun_huo, pinyin_tokens(normalize("你们这帮村长")), edits=1)
    (gun,) = sounds(("滚",))  # one syllable: only the exact sound (棍), never a neighbour (昆)
    assert sounds_in(gun, pinyin_tokens(normalize("棍子")), edits=1)
    assert not sounds_in(gun, pinyin_tokens(normalize("昆明")), edits=1)


@pytest.mark.parametrize(
    "text, word, said",
    [
        ("我想领施业金", "失业", True),  # a homophone counts
        ("交射保", "社保", True),  # inside a garbled stretch, no dictionary word hides it
        ("我是失业人员", "失业", True),
        ("学籍那些事不是也找你们", "失业", False),  # 是 ends the word 不是
        ("你们是不是也管驾照", "失业", False),
    ],
)
def test_an_in_scope_word_counts_where_no_dictionary_word_hides_its_start(rules, text, word, said):
    from scorers.phrases import sounds, sounds_at_word

    (tokens,) = sounds((word,))
    assert sounds_at_word(tokens, prepare(text, rules.segmenter)) is said


@pytest.mark.parametrize(
    "text, word, named",
    [
        ("你们这帮窝郎废", "窝囊废", True),  # three syllables, one token off, no word itself
        ("你们这帮窝囊废", "窝囊废", True),
        ("有啥子意思嘛", "傻逼", False),  # two syllables: only the sound itself
        ("我爸退休了", "王八", False),
        ("我在外地交了几年", "垃圾", False),
    ],
)
def test_a_near_homophone_names_only_a_long_word_and_only_as_a_garbled_word(
    rules, text, word, named
):
    from scorers.phrases import names_all, sounds

    assert names_all((sounds((word,)),), prepare(text, rules.segmenter), edits=1) is named


def test_a_two_syllable_near_homophone_counts_only_when_asked_for_and_heard_as_one_word(rules):
    from scorers.phrases import names_all, sounds

    chun_huo = (sounds(("蠢货",)),)
    assert not names_all(chun_huo, prepare("你们这帮丑货", rules.segmenter), edits=1)
    assert names_all(chun_huo, prepare("你们这帮丑货", rules.segmenter), edits=1, short=True)
    la_ji = (sounds(("垃圾",)),)  # 了几 spans two words (交了 | 几年)
    assert not names_all(la_ji, prepare("我在外地交了几年", rules.segmenter), edits=1, short=True)
