"""Label placement: crowded points get labels that overlap neither each other nor symbols."""

from __future__ import annotations

from fieldapp.survey.labels import Box, LabelRequest, place_labels


def _requests(n: int, spacing: float) -> list[LabelRequest]:
    # A row of infill markers closer together than their labels are wide.
    return [LabelRequest(f"5{chr(65 + i)}", i * spacing, 0.0, 4.0, 1.2, 0.5) for i in range(n)]


def test_crowded_labels_never_overlap() -> None:
    reqs = _requests(12, 2.0)
    places = place_labels(reqs)
    boxes = [p.box for p in places]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)
        for r in reqs:  # nor any symbol
            assert not a.overlaps(Box(r.x - r.gap, r.y - r.gap, r.x + r.gap, r.y + r.gap))
    assert [p.key for p in places] == [r.key for r in reqs]


def test_a_lone_label_sits_up_right_and_is_not_displaced() -> None:
    (p,) = place_labels([LabelRequest("4", 10.0, 10.0, 2.0, 1.0, 0.5)])
    assert p.x > 10.0 and p.y > 10.0 and not p.displaced
    (q,) = place_labels([LabelRequest("4", 10.0, 10.0, 2.0, 1.0, 0.5)], y_up=False)
    assert q.box.y1 < 10.0  # on a page, "up" is towards smaller y


def test_labels_stay_in_the_frame_when_they_can() -> None:
    frame = Box(0, 0, 20, 20)
    places = place_labels([LabelRequest("9", 19.0, 19.0, 3.0, 1.0, 0.5)], frame=frame)
    assert places[0].box.inside(frame)
