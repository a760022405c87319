"""The demo's residents' appeals, in the proportions a council's report gives.

One report counts 31 calls from residents in six months: about one a week. Most are
answered within their term; some are referred; a few are still open, one of them
overdue and two due within three days, so that the flags show.
"""

import datetime
import random

from django.db.models import Max

from appeals import deadlines
from appeals.models import Appeal
from appeals.services import appeal_answer, appeal_record, appeal_refer, appeal_start
from demo import dates as demo_dates
from officers.models import Officer

DAYS = 396
SHARE_OF_DAYS = 0.15  # about one a week
CHANNELS = [
    (Appeal.Channel.RECEPTION, 40),
    (Appeal.Channel.PHONE, 30),
    (Appeal.Channel.VILLAGE, 20),
    (Appeal.Channel.WRITTEN, 10),
]
SUBJECTS = [
    ("Безпритульні собаки біля школи, діти бояться ходити.", False),
    ("Сусід паркує вантажівку на тротуарі, не пройти з візком.", False),
    ("Гучна музика вночі в будинку навпроти, повторюється щотижня.", True),
    ("Невідомі рубають дерева в лісосмузі за селом.", True),
    ("Просять частіше патрулювати біля зупинки ввечері.", False),
    ("Знайдено підозрілий предмет на полі біля дороги.", False),
    ("Шахраї телефонують літнім людям нібито від соцзахисту.", True),
]
RESIDENTS = ["Олійник Ганна", "Бойко Петро", "Лисенко Марія", "Кравченко Іван", "Мороз Олена"]
OPEN_DAYS = 12  # appeals received in the last days are still being worked


def appeals_up_to(today: datetime.date, officers: list[Officer]) -> None:
    latest = Appeal.objects.aggregate(last=Max("received_on"))["last"]
    first = today - datetime.timedelta(days=DAYS)
    if latest is not None:
        first = max(first, latest + datetime.timedelta(days=1))
    channels = [channel for channel, weight in CHANNELS for _ in range(weight)]
    for offset in range((today - first).days + 1):
        day = first + datetime.timedelta(days=offset)
        rng = random.Random(day.toordinal() * 11)
        # the flags need an overdue appeal and two due soon, whatever the day
        forced = day in (
            today - datetime.timedelta(days=deadlines.QUICK_DAYS + 2),
            today - datetime.timedelta(days=deadlines.QUICK_DAYS - 2),
            today - datetime.timedelta(days=deadlines.USUAL_DAYS - 1),
        )
        if not forced and rng.random() > SHARE_OF_DAYS:
            continue
        officer = officers[day.toordinal() % len(officers)]
        subject, needs_study = rng.choice(SUBJECTS)
        if forced:
            needs_study = day == today - datetime.timedelta(days=deadlines.USUAL_DAYS - 1)
        appeal = appeal_record(
            officer=officer,
            user=officer.user,
            village=rng.choice(list(officer.villages.all()) or [officer.station.village]),
            received_on=day,
            channel=rng.choice(channels),
            resident_name=rng.choice(RESIDENTS),
            resident_phone=f"+380 67 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            subject=subject,
            needs_study=needs_study,
            urgent=rng.random() < 0.1,
        )
        age = (today - day).days
        if forced or age < OPEN_DAYS:
            if rng.random() < 0.5:
                appeal_start(appeal=appeal)
        elif rng.random() < 0.15:
            appeal_refer(appeal=appeal, referred_to="Служба у справах дітей міської ради")
        else:
            answered = min(appeal.deadline, day + datetime.timedelta(days=rng.randint(2, 14)))
            appeal_answer(
                appeal=appeal,
                answer="Проведено перевірку, вжито заходів, заявника поінформовано.",
                answered_on=min(answered, today),
                answer_method=rng.choice(Appeal.AnswerMethod.values),
            )
        demo_dates.history_at(appeal, demo_dates.noon(day))
