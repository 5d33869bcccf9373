"""National questionnaire workbooks: write templates, read filled ones back, validate them."""

from roam.errors import QuestionnaireError, ValidationReport
from roam.questionnaire.model import Assessment, AssessmentMeta
from roam.questionnaire.template import write_questionnaire
from roam.questionnaire.validate import check_questionnaire, read_questionnaire

__all__ = [
    "Assessment",
    "AssessmentMeta",
    "QuestionnaireError",
    "ValidationReport",
    "check_questionnaire",
    "read_questionnaire",
    "write_questionnaire",
]
