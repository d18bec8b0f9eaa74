"""Training, evaluation and ONNX export of the SpineQC segmentation model."""

__version__ = "0.1.0"
