"""Pure domain rules: clock stamps, phone numbers, passwords and the wait after wrong ones."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from itertools import pairwise

import pytest

from desktop.domain.hlc import HybridClock, Stamp
from desktop.domain.passwords import (
    FREE_ATTEMPTS,
    MAX_DELAY_SECONDS,
    check_new_password,
    hash_password,
    verify_password,
    wait_after_failures,
)
from desktop.domain.phone import normalise_phone
from desktop.domain.text import clean_text
from desktop.errors import InvalidInput

NODE = "station-a"
Y2000_MS = int(datetime(2000, 1, 1, tzinfo=UTC).timestamp() * 1000)
NOW_MS = int(datetime(2026, 11, 29, 9, 0, tzinfo=UTC).timestamp() * 1000)


def _clock(readings: list[int], node: str = NODE, last: Stamp | None = None) -> HybridClock:
    """A clock whose PC time reads the given values in turn (then keeps the last one)."""
    values = iter(readings)
    current = [readings[0]]

    def physical() -> int:
        current[0] = next(values, current[0])
        return current[0]

    return HybridClock(node, last, physical_ms=physical)


def _strictly_increasing(stamps: list[Stamp]) -> bool:
    return all(a < b for a, b in pairwise(stamps))


# -- hybrid clock -------------------------------------------------------------------------------

def test_stamps_follow_a_normal_clock():
    clock = _clock([NOW_MS, NOW_MS + 5, NOW_MS + 9])
    stamps = [clock.now() for _ in range(3)]
    assert [s.wall_ms for s in stamps] == [NOW_MS, NOW_MS + 5, NOW_MS + 9]
    assert {s.node for s in stamps} == {NODE}


def test_two_pcs_that_agree_stamp_in_the_order_they_edit_whatever_each_measured_across_its_request():
    """An offset learnt at a sync is measured across a request: a few milliseconds of it are the request's own
    time.  Two PCs on the same time stamp by it as it is, so the later edit wins; a PC minutes off is put right."""
    first, second = _clock([NOW_MS]), _clock([NOW_MS + 3])
    first.offset_ms, second.offset_ms = 40, -35  # what each learnt at its last sync, both of them noise
    assert first.now() < second.now()
    late = _clock([NOW_MS - 10 * 60_000])
    late.offset_ms = 10 * 60_000 + 40  # ten minutes slow, and a request's 40 ms
    assert late.now().wall_ms == NOW_MS + 40


def test_stamps_keep_increasing_when_the_pc_clock_goes_backwards():
    clock = _clock([NOW_MS, NOW_MS - 60_000, NOW_MS - 30_000, NOW_MS + 1])
    stamps = [clock.now() for _ in range(4)]
    assert _strictly_increasing(stamps)
    assert stamps[1] == Stamp(NOW_MS, 1, NODE)
    assert stamps[3] == Stamp(NOW_MS + 1, 0, NODE)


def test_stamps_keep_increasing_when_the_clock_jumps_to_2000():
    clock = _clock([NOW_MS] + [Y2000_MS + step for step in range(50)])
    stamps = [clock.now() for _ in range(51)]
    assert _strictly_increasing(stamps)
    assert all(s.wall_ms == NOW_MS for s in stamps)


def test_stamps_keep_increasing_when_the_clock_stands_still():
    clock = _clock([NOW_MS])
    stamps = [clock.now() for _ in range(1000)]
    assert _strictly_increasing(stamps)
    assert stamps[-1] == Stamp(NOW_MS, 999, NODE)


def test_a_restarted_clock_continues_after_its_persisted_stamp():
    before = _clock([NOW_MS])
    persisted = str([before.now() for _ in range(3)][-1])
    after = _clock([Y2000_MS], last=Stamp.parse(persisted))
    assert after.now() > Stamp.parse(persisted)


def test_observing_a_remote_stamp_orders_later_local_stamps_after_it():
    clock = _clock([NOW_MS])
    clock.now()
    remote = Stamp(NOW_MS + 3_600_000, 7, "station-b")  # a PC whose clock is an hour ahead
    clock.observe(remote)
    local = clock.now()
    assert local > remote
    assert (local.wall_ms, local.counter) > (remote.wall_ms, remote.counter)
    assert local.node == NODE


def test_observing_an_older_remote_stamp_does_not_move_the_clock_back():
    clock = _clock([NOW_MS])
    mine = clock.now()
    clock.observe(Stamp(Y2000_MS, 0, "station-b"))
    assert clock.now() > mine


def test_a_stamp_round_trips_through_its_text():
    for stamp in (Stamp(0, 0, "a"), Stamp(NOW_MS, 42, "5f0c-uuid-with-dashes"), Stamp(10**14, 999_999, "z")):
        assert Stamp.parse(str(stamp)) == stamp


def test_stamp_text_sorts_like_the_stamps():
    rnd = random.Random(3)
    stamps = [Stamp(rnd.choice([0, 9, 10, Y2000_MS, NOW_MS, NOW_MS + rnd.randrange(10**6)]),
                    rnd.choice([0, 1, 9, 10, 99_999, rnd.randrange(10**6)]),
                    rnd.choice(["station-a", "station-b", "a", "b-2"]))
              for _ in range(500)]
    assert sorted(stamps, key=str) == sorted(stamps)


@pytest.mark.parametrize("text", ["", "123-000001-a", f"{NOW_MS:015d}-1-a", f"{NOW_MS:015d}-000001-", "nonsense"])
def test_text_that_is_not_a_stamp_is_refused(text):
    with pytest.raises(ValueError):
        Stamp.parse(text)


# -- phone numbers ------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "stored"), [
    ("13912345678", "13912345678"),
    (" 139 1234 5678 ", "13912345678"),
    ("139-1234-5678", "13912345678"),
    ("１３９１２３４５６７８", "13912345678"),       # full-width digits from a Chinese IME
    ("+86 139 1234 5678", "13912345678"),
    ("+8613912345678", "13912345678"),
    ("0086 13912345678", "13912345678"),
    ("19912345678", "19912345678"),
    ("0436-3212345", "0436-3212345"),
    ("04363212345", "0436-3212345"),
    ("(0436) 3212345", "0436-3212345"),
    ("（０４３６）３２１２３４５", "0436-3212345"),
    ("0436-32123456", "0436-32123456"),
    ("+86 0436 3212345", "0436-3212345"),
])
def test_phone_numbers_are_stored_in_one_form(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(("typed", "stored"), [
    ("010-12345678", "010-12345678"),   # Beijing: the three-digit area codes are 010 and 020–029
    ("01012345678", "010-12345678"),
    ("021-61234567", "021-61234567"),
    ("024-2345678", "024-2345678"),
])
def test_three_digit_area_codes_keep_their_form(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", [
    "", "12345", "1391234567", "139123456789", "12912345678", "23912345678",
    "0436-12345", "3212345", "abc", "139-1234-567x", "+1 415 555 0100",
])
def test_bad_phone_numbers_are_refused_with_the_field(typed):
    with pytest.raises(InvalidInput) as caught:
        normalise_phone(typed, field="contact_phone")
    assert caught.value.field == "contact_phone"
    assert "not a phone number" in str(caught.value)


def test_the_refusal_repeats_what_was_typed():
    with pytest.raises(InvalidInput) as caught:
        normalise_phone("139 1234")
    assert '"139 1234"' in str(caught.value)
    assert caught.value.field == "phone"


# -- text ---------------------------------------------------------------------------------------

def test_clean_text_folds_full_width_letters_and_digits_and_trims_every_space():
    assert clean_text("\u3000 ＡＢＣ１２３ \t") == "ABC123"
    assert clean_text(None) == ""


def test_clean_text_keeps_chinese_punctuation():
    assert clean_text("周一至周五，每周五下午（志愿服务日）") == "周一至周五，每周五下午（志愿服务日）"


def test_clean_text_makes_full_width_digits_and_letters_ascii_and_trims():
    assert clean_text("\u3000 １３９ＡＢｃ－１２ \u3000") == "139ABc-12"


# -- passwords ----------------------------------------------------------------------------------

@pytest.mark.parametrize("password", ["", "abc", "12345", "aaaaaa", "1111111111"])
def test_weak_passwords_are_refused_with_the_field(password):
    with pytest.raises(InvalidInput) as caught:
        check_new_password(password, field="new_password")
    assert caught.value.field == "new_password"


@pytest.mark.parametrize("password", ["abc123", "aaaaab", "村站密码很长", "correct horse battery"])
def test_reasonable_passwords_are_accepted(password):
    check_new_password(password)


def test_a_password_hash_checks_only_the_right_password():
    stored = hash_password("village-42")
    assert "village-42" not in stored
    assert verify_password(stored, "village-42")
    assert not verify_password(stored, "village-43")
    assert not verify_password(stored, "")
    assert not verify_password("not a hash", "village-42")
    assert hash_password("village-42") != stored  # salted


def test_the_first_wrong_passwords_cost_no_wait():
    assert [wait_after_failures(n) for n in range(FREE_ATTEMPTS)] == [0] * FREE_ATTEMPTS
    assert wait_after_failures(FREE_ATTEMPTS) > 0


def test_the_wait_doubles_then_stops_at_five_minutes():
    waits = [wait_after_failures(n) for n in range(3, 12)]
    assert waits[:5] == [5, 10, 20, 40, 80]
    assert all(b == min(2 * a, MAX_DELAY_SECONDS) for a, b in pairwise(waits))
    assert MAX_DELAY_SECONDS == 300
    assert wait_after_failures(10) == 300
    assert wait_after_failures(10_000) == 300


def test_only_active_and_paused_volunteers_may_join_a_team_or_a_roster():
    from desktop.domain.volunteering import VolunteerStatus, may_enlist

    assert [s.value for s in VolunteerStatus if may_enlist(s)] == ["active", "paused"]


def test_a_period_is_checked_once_for_every_screen():
    from desktop.domain.volunteering import parse_period

    assert parse_period("2026年1月1日", "") == ("2026-01-01", None)
    assert parse_period("2026-01-01", "2026-01-01") == ("2026-01-01", "2026-01-01")
    with pytest.raises(InvalidInput) as refused:
        parse_period("2026-02-01", "2026-01-31", fields=("period_from", "period_to"))
    assert refused.value.field == "period_to"
    with pytest.raises(InvalidInput) as refused:
        parse_period("", "2026-01-31", fields=("period_from", "period_to"), required=True)
    assert refused.value.field == "period_from"


def test_a_code_chosen_from_a_list_is_parsed_or_refused_with_the_given_message():
    from desktop.domain.volunteering import TeamKind

    assert TeamKind.parse(" arts ", field="kind", message="Choose") is TeamKind.ARTS
    with pytest.raises(InvalidInput, match="Choose") as refused:
        TeamKind.parse("party", field="kind", message="Choose")
    assert refused.value.field == "kind"


def test_each_setting_has_one_check_used_when_reading_and_when_saving():
    from dataclasses import replace as changed

    from desktop.domain.settings import Settings, check_settings, settings_from

    stored = {"font_size": 99, "language": "fr", "star_thresholds": [1, 2, 3, 4, 4],
              "certificate_masks_id": "no", "notice_days": True, "honour_hours_cap": 40}
    assert settings_from(stored) == Settings(honour_hours_cap=40)  # bad values fall back to their defaults
    check_settings(Settings())
    for name, value in (("font_size", 99), ("language", "fr"), ("star_thresholds", (1, 2, 3, 4, 4)),
                        ("certificate_masks_id", "no"), ("notice_days", True)):
        with pytest.raises(InvalidInput) as refused:
            check_settings(changed(Settings(), **{name: value}))
        assert refused.value.field == name


def test_a_text_size_stored_before_the_sizes_had_names_becomes_the_nearest_named_one():
    from desktop.domain.settings import TEXT_SIZES, Settings, check_settings, settings_from

    assert list(TEXT_SIZES) == [10, 12, 18, 24] and Settings().font_size == 12
    for stored, shown in ((10, 10), (11, 12), (13, 12), (14, 12), (15, 18), (16, 18), (20, 18), (21, 24), (24, 24)):
        assert settings_from({"font_size": stored}).font_size == shown, stored
        assert check_settings(Settings(font_size=stored)).font_size == shown, stored  # what a save stores
    for wrong in (9, 25):
        with pytest.raises(InvalidInput):
            check_settings(Settings(font_size=wrong))


def test_id_and_phone_numbers_are_found_in_free_text_however_they_are_written():
    from desktop.domain.id_number import find_id_numbers, hide_id_numbers
    from desktop.domain.phone import find_phone_numbers

    text = "身份证２２０８０２１９９００１０１１２３ｘ，电话139-1234-5678，座机0436 3212345，2026年12月1日，20261201"
    assert find_id_numbers(text) == ["２２０８０２１９９００１０１１２３ｘ"]
    assert find_phone_numbers(text) == ["139-1234-5678", "0436 3212345"]
    assert hide_id_numbers("他的身份证是220802199001011234。") == "他的身份证是2208**********1234。"
    assert hide_id_numbers("编号 2026-001") == "编号 2026-001"
