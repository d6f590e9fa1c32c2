"""Markdown table and bar checks from evaluate.py's results.json.

  /usr/bin/python3 -m training.results_table training/runs/full/eval/results.json
"""
import json
import sys


def main():
    r = json.load(open(sys.argv[1]))
    rows = r['results']
    print(f"Checkpoint step {r['step']}, {r['samples']} held-out targets, {r['steps']} DDIM steps.\n")
    print('| configuration | L1 | PSNR (dB) | SSIM | silhouette IoU | s/frame |')
    print('|---|---|---|---|---|---|')
    for name, v in rows.items():
        print(f"| {name} | {v['L1']:.4f} | {v['PSNR']:.2f} | {v['SSIM']:.3f} | {v['IoU']:.3f} | {v['s_per_frame']:.3f} |")
    p = {k: v['PSNR'] for k, v in rows.items()}
    sel, allt = rows['R=3, PCM + selection'], rows['R=3, no selection (all tokens)']
    print('\n| bar | measured | met |')
    print('|---|---|---|')
    d = p['R=3, PCM + selection'] - p['R=1']
    print(f"| R=3 beats R=1 on PSNR | {d:+.2f} dB | {'yes' if d > 0 else 'no'} |")
    d = p['R=1'] - p['no references']
    print(f"| R=1 beats no references by >= 3 dB | {d:+.2f} dB | {'yes' if d >= 3 else 'no'} |")
    iou = sel['IoU']
    print(f"| silhouette IoU of R=3 >= 0.7 | {iou:.3f} | {'yes' if iou >= 0.7 else 'no'} |")
    dt = sel['s_per_frame'] / allt['s_per_frame']
    dp = sel['PSNR'] - allt['PSNR']
    ok = dt < 1 and dp >= -0.5
    print(f"| selection faster than all tokens at PSNR within 0.5 dB | time x{dt:.2f}, PSNR {dp:+.2f} dB | "
          f"{'yes' if ok else 'no'} |")
    sweep = r.get('steps_sweep') or {}
    if sweep:
        print('\nR=3, PCM + selection at other step counts:\n')
        print('| DDIM steps | L1 | PSNR (dB) | SSIM | silhouette IoU | s/frame |')
        print('|---|---|---|---|---|---|')
        for steps, v in sorted(sweep.items(), key=lambda kv: int(kv[0])):
            print(f"| {steps} | {v['L1']:.4f} | {v['PSNR']:.2f} | {v['SSIM']:.3f} | {v['IoU']:.3f} | "
                  f"{v['s_per_frame']:.3f} |")
    print(f"\nSilhouette rule applied to the ground-truth renders: IoU {r['silhouette_rule_iou_on_ground_truth']:.3f} "
          f"against the renderer's masks.")


if __name__ == '__main__':
    main()
