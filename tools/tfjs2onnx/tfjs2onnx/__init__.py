"""tfjs2onnx: TensorFlow.js graph models (model.json + weight shards) to ONNX."""

from .convert import convert, supported_ops
from .model import ConversionError

__all__ = ['convert', 'supported_ops', 'ConversionError']
