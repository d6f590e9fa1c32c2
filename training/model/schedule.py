"""DDIM schedule maths of docs/model-pack.md section 5 (numpy, float64)."""
import numpy as np


def alphas_cumprod(T=1000, beta_start=0.00085, beta_end=0.012, schedule='scaled_linear', rescale_zero_snr=True):
    if schedule == 'scaled_linear':
        betas = np.linspace(np.sqrt(beta_start), np.sqrt(beta_end), T, dtype=np.float64) ** 2
    else:
        betas = np.linspace(beta_start, beta_end, T, dtype=np.float64)
    abar = np.cumprod(1.0 - betas)
    if rescale_zero_snr:
        a = np.sqrt(abar)
        a0, aT = a[0], a[-1]
        a = (a - aT) * a0 / (a0 - aT)
        abar = a ** 2
    return abar


def timesteps(steps, T=1000, spacing='trailing'):
    if spacing == 'trailing':
        return (np.round(T - np.arange(steps) * T / steps) - 1).astype(np.int64)
    if spacing == 'leading':
        return (np.arange(steps)[::-1] * (T // steps)).astype(np.int64)
    return np.round(np.linspace(0, T - 1, steps))[::-1].astype(np.int64)


def ddim_step(x, m, abar_t, abar_prev, prediction='sample'):
    if prediction == 'sample':
        x0 = m
        eps = (x - np.sqrt(abar_t) * x0) / np.sqrt(1.0 - abar_t)
    elif prediction == 'epsilon':
        eps = m
        x0 = (x - np.sqrt(1.0 - abar_t) * eps) / np.sqrt(abar_t)
    else:
        x0 = np.sqrt(abar_t) * x - np.sqrt(1.0 - abar_t) * m
        eps = np.sqrt(abar_t) * m + np.sqrt(1.0 - abar_t) * x
    return np.sqrt(abar_prev) * x0 + np.sqrt(1.0 - abar_prev) * eps
