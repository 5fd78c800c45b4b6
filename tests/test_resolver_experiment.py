"""The resolution experiment: candidates, labels and features for pronoun and description sources."""

from __future__ import annotations

from storyline.analysis.nlp import load_nlp
from storyline.evaluate.realnews import GoldStatement
from storyline.evaluate.resolver import article_instances


def _instances(text: str, source: str, content: str, speaker: str, kind: str = "person") -> list:
    start = text.rindex(source, 0, text.index(content))  # the source just before the content
    gold = GoldStatement("1", "indirect", (text.index(content), text.index(content) + len(content)), None,
                         (start, start + len(source)), speaker, kind)  # fmt: skip
    return list(article_instances("invented", "a1", text, load_nlp()(text), [gold]))


def test_a_pronoun_sources_candidates_are_the_entities_before_it_with_the_speaker_labelled() -> None:
    text = "Maria Lopez, the mayor, opened the bridge with Tomas Berg on Monday.\n\nShe said the repairs were finished."
    [instance] = _instances(text, "She", "the repairs were finished", "Maria Lopez")
    assert instance.gold >= 0 and instance.gold in instance.inside
    right = instance.features[instance.gold]
    assert "kind=person" in right and "subject=True" in right and "pron=he/she/person" in right
    assert instance.rules in instance.inside  # the rules resolve this one too
    assert any("gender=" in f for f in right)
    assert len(instance.features) >= 2  # Berg is a candidate as well


def test_a_description_is_kept_and_a_name_only_source_is_not() -> None:
    text = "Acme Industries cut 200 jobs in March. The company said demand had fallen sharply."
    [instance] = _instances(text, "The company", "demand had fallen sharply", "Acme Industries", "organisation")
    assert instance.inside and "kind=org" in instance.features[instance.gold]
    assert any(f.startswith("desc=org_word/") for f in instance.features[instance.gold])
    named = "Acme Industries cut 200 jobs in March. Acme Industries said demand had fallen sharply."
    assert _instances(named, "Acme Industries", "demand had fallen sharply", "Acme Industries", "organisation") == []
