"""Says every phrase with Piper, one WAV per clip id; used by scripts/make-voice.

Reads "id<TAB>text" lines on stdin and writes OUT_DIR/<id>.wav. The model is loaded once, and
ONNX Runtime runs on one thread with its graph optimisations fixed, so the same text gives the
same samples on every run and every machine of the same kind (several threads sum in varying
order and change the last bits).
"""

import sys
import wave

import onnxruntime
from piper import PiperVoice, SynthesisConfig


def single_thread_options():
    options = _SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
    return options


_SessionOptions = onnxruntime.SessionOptions
onnxruntime.SessionOptions = single_thread_options


def main():
    model, out_dir, length_scale, noise_scale, noise_w = sys.argv[1:6]
    voice = PiperVoice.load(model)
    config = SynthesisConfig(
        length_scale=float(length_scale),
        noise_scale=float(noise_scale),
        noise_w_scale=float(noise_w),
    )
    for line in sys.stdin:
        clip_id, text = line.rstrip("\n").split("\t", 1)
        with wave.open(f"{out_dir}/{clip_id}.wav", "wb") as wav:
            voice.synthesize_wav(text, wav, syn_config=config)


if __name__ == "__main__":
    main()
