"""The English version of the first text of /eenzaamheid/ (issue #8).

Only for a page whose English fields are still empty: a kartrekker's own English text stays.
The text is here, not in pijlers/defaults.py, so this migration keeps giving the same result.
"""

from django.db import migrations

TITLE_EN = "What is loneliness?"

BODY_EN = """\
You are lonely when you have less contact with other people than you would like. Or when the \
contacts you have do not feel good enough. Loneliness is a feeling. Someone with lots of people \
around them can feel lonely too.

Loneliness can happen to anyone, young or old. Almost half of the adults in Hilversum sometimes \
feel lonely. One in eight feels very lonely. So you are not the only one.

## Three kinds of loneliness

- **Social loneliness.** You miss a group of people around you, such as friends, neighbours or \
colleagues.
- **Emotional loneliness.** You miss one person who is very close to you, such as a partner or \
a best friend.
- **Existential loneliness.** You do not feel at home in the world around you. Or you wonder \
what the meaning of your life is.

Many people feel both socially and emotionally lonely. This is called combined loneliness.

## What causes it?

Loneliness often has more than one cause.

- **Something in yourself.** For example, you find it hard to make contact. Or you are ill, \
you have a disability or you think negatively about yourself.
- **A big change in your life.** For example a divorce, the death of someone you love, moving \
house, retiring, losing your job, a new school or job, or money worries.
- **Society.** For example, older people live on their own at home for longer. And during the \
coronavirus pandemic people saw each other much less.

## Loneliness can get worse

Usually the feeling goes away by itself after a while. But sometimes it stays. Then it can get \
worse and worse:

1. You feel lonely.
2. You withdraw.
3. You see things more gloomily than they are. For example, you think others do not like you.
4. You withdraw even more.
5. You get even more gloomy thoughts.

This way you end up in a downward spiral. Being lonely for a long time is bad for your health. \
For example, it can give you stress, make you sleep badly or make you feel low. That is why it \
is good to do something about it. The sooner, the better.

## What can you do yourself?

- Talk about it with someone you trust. That is the first step.
- Join an activity near you. Eating together, walking, a course or a cup of coffee. Have a look \
in the [activity finder](/en/aanbod/).
- Do voluntary work. When you mean something to someone else, you feel less alone.
- Talk to your GP. They can help you or refer you.
- Do you want to know how lonely you feel? Take the [self-check](/en/zelftest/).

## What can you do for someone else?

- Look around you. Is someone withdrawing? Do you no longer see your neighbour outside?
- Have a chat. Ring the doorbell or ask how things are. A small effort can mean a lot.
- Invite someone. For a cup of coffee, a walk or to go to an activity together.
- Are you worried? Pass it on to the [loneliness reporting point](/en/meldpunt/). Then we will \
look for help together.

## What can you do as a professional or volunteer?

- Watch for signs of loneliness. People rarely say themselves that they are lonely. They are \
often ashamed.
- Make it something people can talk about. Ask how someone is doing, and listen.
- Refer people to an activity in the [activity finder](/en/aanbod/) or to the \
[loneliness reporting point](/en/meldpunt/).
- Take a training course on recognising and discussing loneliness. The municipality organises \
these together with its partners.

## Where can you go?

- **De Luisterlijn** (a listening line): call [088 0767 000](tel:+31880767000). Day and night. \
You do not have to give your name.
- **Your GP**: for a talk, or if you have physical or mental health problems.
- **The loneliness reporting point**: [report your concern](/en/meldpunt/) about yourself or \
someone else.
- **The activity finder**: [find an activity](/en/aanbod/) near you.

If someone is in danger right now: call 112. Are you thinking about suicide? Call 0800 0113 \
free of charge (113 Zelfmoordpreventie, the Dutch suicide prevention line).
"""


def load(apps, schema_editor):
    Pagina = apps.get_model("pijlers", "Pagina")
    Pagina.objects.filter(slug="eenzaamheid", title_en="", body_en="").update(
        title_en=TITLE_EN, body_en=BODY_EN
    )


def unload(apps, schema_editor):
    Pagina = apps.get_model("pijlers", "Pagina")
    Pagina.objects.filter(slug="eenzaamheid", title_en=TITLE_EN, body_en=BODY_EN).update(
        title_en="", body_en=""
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pijlers", "0005_english_texts"),
    ]

    operations = [migrations.RunPython(load, unload)]
