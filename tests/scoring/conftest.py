import pandas as pd
import pytest

from roam.framework import Framework, load_framework
from tests.scoring.hand_worked import ROOT, responses_frame


@pytest.fixture(scope="module")
def fw() -> Framework:
    """The small 2024 fixture framework the hand-worked examples use."""
    return load_framework("2024", root=ROOT)


@pytest.fixture(scope="module")
def responses() -> pd.DataFrame:
    return responses_frame()
