"""The micro-wish rules that need no database: its states, the cap, the band the board shows, and the check
that the board's text gives no one away."""

from __future__ import annotations

import pytest

from desktop.domain.wishes import (
    Giveaway,
    WishAction,
    WishStatus,
    band_text,
    check_publication,
    check_value,
    giveaways,
    value_band,
    wish_actions,
)
from desktop.errors import InvalidInput

A = WishAction


@pytest.mark.parametrize(("status", "held", "allowed"), [
    (WishStatus.COLLECTED, False, {A.EDIT, A.VET, A.REJECT, A.WITHDRAW}),
    (WishStatus.VETTED, False, {A.EDIT, A.PUBLISH, A.WITHDRAW}),
    (WishStatus.PUBLISHED, False, {A.WITHDRAW, A.EXPIRE}),
    (WishStatus.PUBLISHED, True, {A.RECORD_CONTACT, A.FULFIL, A.RELEASE}),
    (WishStatus.REJECTED, False, {A.REOPEN}),
    (WishStatus.WITHDRAWN, False, {A.REOPEN}),
    (WishStatus.EXPIRED, False, {A.REOPEN}),
    (WishStatus.FULFILLED, False, set()),
])
def test_every_state_allows_exactly_its_next_steps(status, held, allowed):
    assert wish_actions(status, held=held, may_edit=True) == allowed
    assert wish_actions(status, held=held, may_edit=False) == set()


def test_contact_is_recorded_once_and_the_claim_may_still_be_let_go():
    assert wish_actions(WishStatus.PUBLISHED, held=True, may_edit=True, contacted=True) == {A.FULFIL, A.RELEASE}


def test_a_fulfilment_needs_a_won_claim():
    assert A.FULFIL not in wish_actions(WishStatus.PUBLISHED, held=False, may_edit=True)
    assert A.FULFIL not in wish_actions(WishStatus.VETTED, held=False, may_edit=True)


def test_the_value_cap_refuses_more_and_names_both_amounts():
    assert check_value(499.5, cap=500) == 499.5
    assert check_value(500, cap=500) == 500
    with pytest.raises(InvalidInput) as refused:
        check_value(650, cap=500)
    assert refused.value.field == "estimated_value"
    assert "500" in str(refused.value) and "650" in str(refused.value)
    with pytest.raises(InvalidInput):
        check_value(0, cap=500)


@pytest.mark.parametrize(("value", "shown"), [(30, "¥0–50"), (50, "¥0–50"), (120, "¥100–200"),
                                              (500, "¥300–500"), (9000, "¥5000+")])
def test_the_board_shows_a_band_not_the_amount(value, shown):
    assert band_text(value_band(value)) == shown


NAMES = ["王小明", "李秀兰", "王芳"]


@pytest.mark.parametrize(("text", "kind", "what"), [
    ("王小明的女儿想要一个新书包", Giveaway.NAME, "王小明"),
    ("小明上初中，想要一本字典", Giveaway.NAME, "小明"),      # the given name of a three-character name
    ("奶奶李秀兰腿脚不便，想要一副拐杖", Giveaway.NAME, "李秀兰"),
    ("王 小 明想要棉被", Giveaway.NAME, "王小明"),            # spaces do not hide a name
    ("联系电话13912345678", Giveaway.PHONE, "13912345678"),
    ("联系电话１３９１２３４５６７８", Giveaway.PHONE, "13912345678"),  # full-width digits
    ("电话 139-1234-5678", Giveaway.PHONE, "139-1234-5678"),
    ("座机0436-3212345", Giveaway.PHONE, "0436-3212345"),
    ("家里电话3212345", Giveaway.PHONE, "3212345"),
    ("身份证220802199001011234", Giveaway.ID_NUMBER, "220802199001011234"),
    ("证件号２２０８０２１９９００１０１１２３ｘ", Giveaway.ID_NUMBER, "22080219900101123x"),
    ("老证 220802900101123", Giveaway.ID_NUMBER, "220802900101123"),
])
def test_the_anonymiser_finds_what_gives_a_household_away(text, kind, what):
    found = giveaways(text, names=NAMES)
    assert [(item.kind, item.text) for item in found] == [(kind, what)]


@pytest.mark.parametrize("text", [
    "一位上初中的女孩想要一个新书包和一套文具",
    "老人独居，冬天想要一床厚棉被，价值约200元",
    "希望在2026年12月31日前收到，或20261231前",    # a date is not a phone number
    "家有3口人，想要500斤大米",
    "王奶奶想要一副老花镜",                         # a surname alone names no one
])
def test_the_anonymiser_lets_an_anonymous_text_through(text):
    assert giveaways(text, names=NAMES) == []
    assert check_publication(text, names=NAMES) == text


def test_a_refused_publication_names_everything_it_found():
    with pytest.raises(InvalidInput) as refused:
        check_publication("王小明想要书包，电话13912345678", names=NAMES)
    message = str(refused.value)
    assert refused.value.field == "public_text"
    assert "王小明" in message and "13912345678" in message


def test_a_code_shared_by_two_enumerations_keeps_each_ones_words():
    from desktop.domain.volunteering import NominationStatus

    assert WishStatus.PUBLISHED == NominationStatus.PUBLISHED  # the same stored code …
    assert NominationStatus.PUBLISHED.label == "Published"      # … and each its own words
    assert WishStatus.PUBLISHED.label == "On the wish board"


def test_every_stored_code_has_its_words():
    """Each member of every enumeration with labels says something (none borrows another's by its code)."""
    import importlib
    import pkgutil

    import desktop.domain
    from desktop.domain.labelled import Labelled

    for module in pkgutil.iter_modules(desktop.domain.__path__):  # each registers its labels as it loads
        importlib.import_module(f"desktop.domain.{module.name}")

    def every(kind):
        yield kind
        for sub in kind.__subclasses__():
            yield from every(sub)

    for kind in every(Labelled):
        for member in kind:
            assert member.label, member
