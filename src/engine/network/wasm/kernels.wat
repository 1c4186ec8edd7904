;; Training kernels with 128-bit SIMD, for the dense layers of
;; src/engine/network/propagate.ts: float32 in f32x4 (matmul, atb, colsum, ...) and
;; float64 in f64x2 (the same names with 64). Assembled by tools/build-wasm.ts into
;; kernels.wasm.ts; test/unit/engine/network/wasm-module.test.ts fails when that
;; file is stale.
;;
;; Conventions: every pointer is a byte offset into the exported memory and
;; points at row-major data of the kernel's type; sizes count elements. Memory
;; is owned and laid out by arena.ts.
;;
;; Why the results do not depend on the blocking: every output is summed in
;; the same order (start value, then term 0, 1, 2, ...) with one rounding per
;; multiply and per add (no fused multiply-add), whether its column falls in a
;; wide block, a narrow block or the scalar tail. So the kernels are
;; deterministic, and a lane computes exactly what the scalar loop would. In
;; float64 that is exactly what propagate.ts's JavaScript loops compute (they
;; sum in doubles in the same order): float64 training gives the same bits with
;; and without wasm.
;;
;; Why 16-wide blocks in float32: hidden layers are mostly 16+ units, and four
;; f32x4 accumulators share one broadcast of the left operand and one loop step
;; per term, where 4-wide blocks would pay both for every 4 multiply-adds.
;; Why 8-wide blocks in float64: four f64x2 accumulators, the same four
;; registers' worth; eight (16 doubles) measured about 30% slower in V8 on a
;; 1000 x 16 x 16 product timed alone (36 us against 50 us), most likely
;; from register pressure.
(module
  (memory (export "memory") 1)

  ;; c[i, j] = start[j] + sum_q a[i, q] b[q, j], with start = bias or 0 (hasBias = 0).
  ;; a: rows x K, b: K x N, c: rows x N, bias: N.
  (func (export "matmul")
    (param $a i32) (param $b i32) (param $bias i32) (param $c i32)
    (param $rows i32) (param $K i32) (param $N i32) (param $hasBias i32)
    (local $rowA i32) (local $rowN i32) (local $arow i32) (local $aend i32) (local $crow i32)
    (local $cend i32) (local $j i32) (local $ap i32) (local $bp i32)
    (local $s v128) (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $x f32)
    (local.set $rowA (i32.shl (local.get $K) (i32.const 2)))
    (local.set $rowN (i32.shl (local.get $N) (i32.const 2)))
    (local.set $arow (local.get $a))
    (local.set $crow (local.get $c))
    (local.set $cend (i32.add (local.get $c) (i32.mul (local.get $rows) (local.get $rowN))))
    (block $rowsDone
      (loop $rowsLoop
        (br_if $rowsDone (i32.ge_u (local.get $crow) (local.get $cend)))
        (local.set $aend (i32.add (local.get $arow) (local.get $rowA)))
        (local.set $j (i32.const 0))
        ;; 16 columns at a time
        (block $d16
          (loop $l16
            (br_if $d16 (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $N)))
            (if (local.get $hasBias)
              (then
                (local.set $bp (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2))))
                (local.set $c0 (v128.load offset=0 (local.get $bp)))
                (local.set $c1 (v128.load offset=16 (local.get $bp)))
                (local.set $c2 (v128.load offset=32 (local.get $bp)))
                (local.set $c3 (v128.load offset=48 (local.get $bp))))
              (else
                (local.set $c0 (v128.const i32x4 0 0 0 0))
                (local.set $c1 (v128.const i32x4 0 0 0 0))
                (local.set $c2 (v128.const i32x4 0 0 0 0))
                (local.set $c3 (v128.const i32x4 0 0 0 0))))
            (local.set $ap (local.get $arow))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (block $q16done
              (loop $q16
                (br_if $q16done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $s (f32x4.splat (f32.load (local.get $ap))))
                (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $s) (v128.load offset=0 (local.get $bp)))))
                (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $s) (v128.load offset=16 (local.get $bp)))))
                (local.set $c2 (f32x4.add (local.get $c2) (f32x4.mul (local.get $s) (v128.load offset=32 (local.get $bp)))))
                (local.set $c3 (f32x4.add (local.get $c3) (f32x4.mul (local.get $s) (v128.load offset=48 (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (i32.const 4)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $q16)))
            (local.set $bp (i32.add (local.get $crow) (i32.shl (local.get $j) (i32.const 2))))
            (v128.store offset=0 (local.get $bp) (local.get $c0))
            (v128.store offset=16 (local.get $bp) (local.get $c1))
            (v128.store offset=32 (local.get $bp) (local.get $c2))
            (v128.store offset=48 (local.get $bp) (local.get $c3))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $l16)))
        ;; 4 columns at a time
        (block $d4
          (loop $l4
            (br_if $d4 (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $N)))
            (local.set $c0
              (if (result v128) (local.get $hasBias)
                (then (v128.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))
                (else (v128.const i32x4 0 0 0 0))))
            (local.set $ap (local.get $arow))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (block $q4done
              (loop $q4
                (br_if $q4done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $c0 (f32x4.add (local.get $c0)
                  (f32x4.mul (f32x4.splat (f32.load (local.get $ap))) (v128.load (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (i32.const 4)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $q4)))
            (v128.store (i32.add (local.get $crow) (i32.shl (local.get $j) (i32.const 2))) (local.get $c0))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $l4)))
        ;; the remaining columns one by one
        (block $d1
          (loop $l1
            (br_if $d1 (i32.ge_u (local.get $j) (local.get $N)))
            (local.set $x
              (if (result f32) (local.get $hasBias)
                (then (f32.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))
                (else (f32.const 0))))
            (local.set $ap (local.get $arow))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (block $q1done
              (loop $q1
                (br_if $q1done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $x (f32.add (local.get $x) (f32.mul (f32.load (local.get $ap)) (f32.load (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (i32.const 4)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $q1)))
            (f32.store (i32.add (local.get $crow) (i32.shl (local.get $j) (i32.const 2))) (local.get $x))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $l1)))
        (local.set $arow (local.get $aend))
        (local.set $crow (i32.add (local.get $crow) (local.get $rowN)))
        (br $rowsLoop))))

  ;; c[m, j] += sum_i a[i, m] b[i, j]  (c += a^T b): the weight gradients.
  ;; a: rows x M, b: rows x N, c: M x N. Each sum starts at 0 and is added to c once.
  (func (export "atb")
    (param $a i32) (param $b i32) (param $c i32) (param $rows i32) (param $M i32) (param $N i32)
    (local $rowA i32) (local $rowN i32) (local $m i32) (local $j i32) (local $ap i32) (local $aend i32)
    (local $bp i32) (local $cp i32)
    (local $s v128) (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $x f32)
    (local.set $rowA (i32.shl (local.get $M) (i32.const 2)))
    (local.set $rowN (i32.shl (local.get $N) (i32.const 2)))
    (local.set $m (i32.const 0))
    (block $mDone
      (loop $mLoop
        (br_if $mDone (i32.ge_u (local.get $m) (local.get $M)))
        ;; a's column m: from a + 4m, stride rowA, rows entries
        (local.set $aend (i32.add (i32.add (local.get $a) (i32.shl (local.get $m) (i32.const 2)))
                                  (i32.mul (local.get $rows) (local.get $rowA))))
        (local.set $cp (i32.add (local.get $c) (i32.mul (local.get $m) (local.get $rowN))))
        (local.set $j (i32.const 0))
        (block $d16
          (loop $l16
            (br_if $d16 (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $N)))
            (local.set $c0 (v128.const i32x4 0 0 0 0))
            (local.set $c1 (v128.const i32x4 0 0 0 0))
            (local.set $c2 (v128.const i32x4 0 0 0 0))
            (local.set $c3 (v128.const i32x4 0 0 0 0))
            (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $m) (i32.const 2))))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (block $i16done
              (loop $i16
                (br_if $i16done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $s (f32x4.splat (f32.load (local.get $ap))))
                (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $s) (v128.load offset=0 (local.get $bp)))))
                (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $s) (v128.load offset=16 (local.get $bp)))))
                (local.set $c2 (f32x4.add (local.get $c2) (f32x4.mul (local.get $s) (v128.load offset=32 (local.get $bp)))))
                (local.set $c3 (f32x4.add (local.get $c3) (f32x4.mul (local.get $s) (v128.load offset=48 (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (local.get $rowA)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $i16)))
            (local.set $bp (i32.add (local.get $cp) (i32.shl (local.get $j) (i32.const 2))))
            (v128.store offset=0 (local.get $bp) (f32x4.add (v128.load offset=0 (local.get $bp)) (local.get $c0)))
            (v128.store offset=16 (local.get $bp) (f32x4.add (v128.load offset=16 (local.get $bp)) (local.get $c1)))
            (v128.store offset=32 (local.get $bp) (f32x4.add (v128.load offset=32 (local.get $bp)) (local.get $c2)))
            (v128.store offset=48 (local.get $bp) (f32x4.add (v128.load offset=48 (local.get $bp)) (local.get $c3)))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $l16)))
        (block $d4
          (loop $l4
            (br_if $d4 (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $N)))
            (local.set $c0 (v128.const i32x4 0 0 0 0))
            (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $m) (i32.const 2))))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (block $i4done
              (loop $i4
                (br_if $i4done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $c0 (f32x4.add (local.get $c0)
                  (f32x4.mul (f32x4.splat (f32.load (local.get $ap))) (v128.load (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (local.get $rowA)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $i4)))
            (local.set $bp (i32.add (local.get $cp) (i32.shl (local.get $j) (i32.const 2))))
            (v128.store (local.get $bp) (f32x4.add (v128.load (local.get $bp)) (local.get $c0)))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $l4)))
        (block $d1
          (loop $l1
            (br_if $d1 (i32.ge_u (local.get $j) (local.get $N)))
            (local.set $x (f32.const 0))
            (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $m) (i32.const 2))))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (block $i1done
              (loop $i1
                (br_if $i1done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $x (f32.add (local.get $x) (f32.mul (f32.load (local.get $ap)) (f32.load (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (local.get $rowA)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $i1)))
            (local.set $bp (i32.add (local.get $cp) (i32.shl (local.get $j) (i32.const 2))))
            (f32.store (local.get $bp) (f32.add (f32.load (local.get $bp)) (local.get $x)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $l1)))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (br $mLoop))))

  ;; c[j] += sum_i a[i, j]: the bias gradients. a: rows x N. Each sum starts at 0.
  (func (export "colsum")
    (param $a i32) (param $c i32) (param $rows i32) (param $N i32)
    (local $rowN i32) (local $j i32) (local $ap i32) (local $aend i32) (local $acc v128) (local $x f32)
    (local.set $rowN (i32.shl (local.get $N) (i32.const 2)))
    (local.set $j (i32.const 0))
    (block $d4
      (loop $l4
        (br_if $d4 (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $N)))
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $aend (i32.add (local.get $ap) (i32.mul (local.get $rows) (local.get $rowN))))
        (block $idone
          (loop $i
            (br_if $idone (i32.ge_u (local.get $ap) (local.get $aend)))
            (local.set $acc (f32x4.add (local.get $acc) (v128.load (local.get $ap))))
            (local.set $ap (i32.add (local.get $ap) (local.get $rowN)))
            (br $i)))
        (local.set $ap (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2))))
        (v128.store (local.get $ap) (f32x4.add (v128.load (local.get $ap)) (local.get $acc)))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $l4)))
    (block $d1
      (loop $l1
        (br_if $d1 (i32.ge_u (local.get $j) (local.get $N)))
        (local.set $x (f32.const 0))
        (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $aend (i32.add (local.get $ap) (i32.mul (local.get $rows) (local.get $rowN))))
        (block $idone1
          (loop $i1
            (br_if $idone1 (i32.ge_u (local.get $ap) (local.get $aend)))
            (local.set $x (f32.add (local.get $x) (f32.load (local.get $ap))))
            (local.set $ap (i32.add (local.get $ap) (local.get $rowN)))
            (br $i1)))
        (local.set $ap (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2))))
        (f32.store (local.get $ap) (f32.add (f32.load (local.get $ap)) (local.get $x)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $l1))))

  ;; dst[c, r] = src[r, c]. src: R x C, dst: C x R (distinct).
  (func (export "transpose")
    (param $src i32) (param $dst i32) (param $R i32) (param $C i32)
    (local $r i32) (local $c i32)
    (local.set $r (i32.const 0))
    (block $rd
      (loop $rl
        (br_if $rd (i32.ge_u (local.get $r) (local.get $R)))
        (local.set $c (i32.const 0))
        (block $cd
          (loop $cl
            (br_if $cd (i32.ge_u (local.get $c) (local.get $C)))
            (f32.store
              (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $R)) (local.get $r)) (i32.const 2)))
              (f32.load (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $C)) (local.get $c)) (i32.const 2)))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $cl)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rl))))

  ;; dst[r, c] += src[c, r]. dst: R x C, src: C x R (distinct).
  (func (export "addTransposed")
    (param $dst i32) (param $src i32) (param $R i32) (param $C i32)
    (local $r i32) (local $c i32) (local $p i32)
    (local.set $r (i32.const 0))
    (block $rd
      (loop $rl
        (br_if $rd (i32.ge_u (local.get $r) (local.get $R)))
        (local.set $c (i32.const 0))
        (block $cd
          (loop $cl
            (br_if $cd (i32.ge_u (local.get $c) (local.get $C)))
            (local.set $p (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $C)) (local.get $c)) (i32.const 2))))
            (f32.store (local.get $p)
              (f32.add (f32.load (local.get $p))
                (f32.load (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $R)) (local.get $r)) (i32.const 2))))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $cl)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rl))))

  ;; y[i] = 0 for i in [0, count): zeroing a scratch sum before atb.
  (func (export "zero") (param $y i32) (param $count i32)
    (memory.fill (local.get $y) (i32.const 0) (i32.shl (local.get $count) (i32.const 2))))

  ;; a = relu(z) = max(z, +0): NaN stays NaN and -0 becomes +0, exactly as the
  ;; catalogue's scalar relu ((x + |x|) / 2 with its fallbacks) does.
  (func (export "relu") (param $z i32) (param $a i32) (param $count i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $count) (i32.const 2))))
    (block $d4
      (loop $l4
        (br_if $d4 (i32.gt_u (i32.add (local.get $z) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $a) (f32x4.max (v128.load (local.get $z)) (v128.const i32x4 0 0 0 0)))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (br $l4)))
    (block $d1
      (loop $l1
        (br_if $d1 (i32.ge_u (local.get $z) (local.get $end)))
        (f32.store (local.get $a) (f32.max (f32.load (local.get $z)) (f32.const 0)))
        (local.set $z (i32.add (local.get $z) (i32.const 4)))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (br $l1))))

  ;; dz = z > 0 ? g : (z <= 0 ? 0 : z): the catalogue's relu backward (a masked
  ;; copy of g; NaN inputs pass through).
  (func (export "reluBackward") (param $z i32) (param $g i32) (param $dz i32) (param $count i32)
    (local $end i32) (local $v v128) (local $x f32)
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $count) (i32.const 2))))
    (block $d4
      (loop $l4
        (br_if $d4 (i32.gt_u (i32.add (local.get $z) (i32.const 16)) (local.get $end)))
        (local.set $v (v128.load (local.get $z)))
        (v128.store (local.get $dz)
          (v128.or
            (v128.and (v128.load (local.get $g)) (f32x4.gt (local.get $v) (v128.const i32x4 0 0 0 0)))
            (v128.and (local.get $v) (f32x4.ne (local.get $v) (local.get $v)))))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $g (i32.add (local.get $g) (i32.const 16)))
        (local.set $dz (i32.add (local.get $dz) (i32.const 16)))
        (br $l4)))
    (block $d1
      (loop $l1
        (br_if $d1 (i32.ge_u (local.get $z) (local.get $end)))
        (local.set $x (f32.load (local.get $z)))
        (f32.store (local.get $dz)
          (if (result f32) (f32.gt (local.get $x) (f32.const 0))
            (then (f32.load (local.get $g)))
            (else (if (result f32) (f32.le (local.get $x) (f32.const 0))
              (then (f32.const 0))
              (else (local.get $x))))))
        (local.set $z (i32.add (local.get $z) (i32.const 4)))
        (local.set $g (i32.add (local.get $g) (i32.const 4)))
        (local.set $dz (i32.add (local.get $dz) (i32.const 4)))
        (br $l1))))

;; float64: c[i, j] = start[j] + sum_q a[i, q] b[q, j], as matmul in f64x2: two rows
  ;; and 8 columns at a time (each load of b feeds both rows), then what is left of a
  ;; row 8, 2 and 1 columns at a time. The bit-identical twin of propagate.ts's loops.
  (func (export "matmul64")
    (param $a i32) (param $b i32) (param $bias i32) (param $c i32)
    (param $rows i32) (param $K i32) (param $N i32) (param $hasBias i32)
    (local $rowA i32) (local $rowN i32) (local $arow i32) (local $aend i32) (local $crow i32)
    (local $cend i32) (local $j i32) (local $ap i32) (local $bp i32)
    (local $j0 i32) (local $group i32)
    (local $s v128) (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $t v128) (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $x f64)
    (local.set $rowA (i32.shl (local.get $K) (i32.const 3)))
    (local.set $rowN (i32.shl (local.get $N) (i32.const 3)))
    (local.set $arow (local.get $a))
    (local.set $crow (local.get $c))
    (local.set $cend (i32.add (local.get $c) (i32.mul (local.get $rows) (local.get $rowN))))
    (block $rowsDone
      (loop $rowsLoop
        (br_if $rowsDone (i32.ge_u (local.get $crow) (local.get $cend)))
        (local.set $j (i32.const 0))
        (local.set $group (i32.const 1))
        ;; two rows at a time, 8 columns: each load of b serves both rows' sums
        (if (i32.le_u (i32.add (local.get $crow) (i32.shl (local.get $rowN) (i32.const 1))) (local.get $cend))
          (then
            (local.set $group (i32.const 2))
            (local.set $aend (i32.add (local.get $arow) (local.get $rowA)))
            (block $p8
              (loop $lp8
                (br_if $p8 (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $N)))
                (if (local.get $hasBias)
                  (then
                    (local.set $bp (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 3))))
                    (local.set $c0 (v128.load offset=0 (local.get $bp)))
                    (local.set $c1 (v128.load offset=16 (local.get $bp)))
                    (local.set $c2 (v128.load offset=32 (local.get $bp)))
                    (local.set $c3 (v128.load offset=48 (local.get $bp))))
                  (else
                    (local.set $c0 (v128.const i64x2 0 0))
                    (local.set $c1 (v128.const i64x2 0 0))
                    (local.set $c2 (v128.const i64x2 0 0))
                    (local.set $c3 (v128.const i64x2 0 0))))
                (local.set $d0 (local.get $c0))
                (local.set $d1 (local.get $c1))
                (local.set $d2 (local.get $c2))
                (local.set $d3 (local.get $c3))
                (local.set $ap (local.get $arow))
                (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
                (block $qpdone
                  (loop $qp
                    (br_if $qpdone (i32.ge_u (local.get $ap) (local.get $aend)))
                    (local.set $s (f64x2.splat (f64.load (local.get $ap))))
                    (local.set $t (f64x2.splat (f64.load (i32.add (local.get $ap) (local.get $rowA)))))
                    (local.set $b0 (v128.load offset=0 (local.get $bp)))
                    (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $s) (local.get $b0))))
                    (local.set $d0 (f64x2.add (local.get $d0) (f64x2.mul (local.get $t) (local.get $b0))))
                    (local.set $b1 (v128.load offset=16 (local.get $bp)))
                    (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $s) (local.get $b1))))
                    (local.set $d1 (f64x2.add (local.get $d1) (f64x2.mul (local.get $t) (local.get $b1))))
                    (local.set $b2 (v128.load offset=32 (local.get $bp)))
                    (local.set $c2 (f64x2.add (local.get $c2) (f64x2.mul (local.get $s) (local.get $b2))))
                    (local.set $d2 (f64x2.add (local.get $d2) (f64x2.mul (local.get $t) (local.get $b2))))
                    (local.set $b3 (v128.load offset=48 (local.get $bp)))
                    (local.set $c3 (f64x2.add (local.get $c3) (f64x2.mul (local.get $s) (local.get $b3))))
                    (local.set $d3 (f64x2.add (local.get $d3) (f64x2.mul (local.get $t) (local.get $b3))))
                    (local.set $ap (i32.add (local.get $ap) (i32.const 8)))
                    (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                    (br $qp)))
                (local.set $bp (i32.add (local.get $crow) (i32.shl (local.get $j) (i32.const 3))))
                (v128.store offset=0 (local.get $bp) (local.get $c0))
                (v128.store offset=16 (local.get $bp) (local.get $c1))
                (v128.store offset=32 (local.get $bp) (local.get $c2))
                (v128.store offset=48 (local.get $bp) (local.get $c3))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (v128.store offset=0 (local.get $bp) (local.get $d0))
                (v128.store offset=16 (local.get $bp) (local.get $d1))
                (v128.store offset=32 (local.get $bp) (local.get $d2))
                (v128.store offset=48 (local.get $bp) (local.get $d3))
                (local.set $j (i32.add (local.get $j) (i32.const 8)))
                (br $lp8)))))
        ;; the columns left, row by row of the group (all of them for a lone last row)
        (local.set $j0 (local.get $j))
        (block $groupDone
          (loop $groupLoop
        (br_if $groupDone (i32.eqz (local.get $group)))
        (local.set $aend (i32.add (local.get $arow) (local.get $rowA)))
        (local.set $j (local.get $j0))
        (block $d8
          (loop $l8
            (br_if $d8 (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $N)))
            (if (local.get $hasBias)
              (then
                (local.set $bp (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 3))))
                (local.set $c0 (v128.load offset=0 (local.get $bp)))
                (local.set $c1 (v128.load offset=16 (local.get $bp)))
                (local.set $c2 (v128.load offset=32 (local.get $bp)))
                (local.set $c3 (v128.load offset=48 (local.get $bp))))
              (else
                (local.set $c0 (v128.const i64x2 0 0))
                (local.set $c1 (v128.const i64x2 0 0))
                (local.set $c2 (v128.const i64x2 0 0))
                (local.set $c3 (v128.const i64x2 0 0))))
            (local.set $ap (local.get $arow))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (block $q8done
              (loop $q8
                (br_if $q8done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $s (f64x2.splat (f64.load (local.get $ap))))
                (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $bp)))))
                (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $bp)))))
                (local.set $c2 (f64x2.add (local.get $c2) (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $bp)))))
                (local.set $c3 (f64x2.add (local.get $c3) (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (i32.const 8)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $q8)))
            (local.set $bp (i32.add (local.get $crow) (i32.shl (local.get $j) (i32.const 3))))
            (v128.store offset=0 (local.get $bp) (local.get $c0))
            (v128.store offset=16 (local.get $bp) (local.get $c1))
            (v128.store offset=32 (local.get $bp) (local.get $c2))
            (v128.store offset=48 (local.get $bp) (local.get $c3))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $l8)))
        (block $d2
          (loop $l2
            (br_if $d2 (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $N)))
            (local.set $c0
              (if (result v128) (local.get $hasBias)
                (then (v128.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 3)))))
                (else (v128.const i64x2 0 0))))
            (local.set $ap (local.get $arow))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (block $q2done
              (loop $q2
                (br_if $q2done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $c0 (f64x2.add (local.get $c0)
                  (f64x2.mul (f64x2.splat (f64.load (local.get $ap))) (v128.load (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (i32.const 8)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $q2)))
            (v128.store (i32.add (local.get $crow) (i32.shl (local.get $j) (i32.const 3))) (local.get $c0))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $l2)))
        (block $d1
          (loop $l1
            (br_if $d1 (i32.ge_u (local.get $j) (local.get $N)))
            (local.set $x
              (if (result f64) (local.get $hasBias)
                (then (f64.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 3)))))
                (else (f64.const 0))))
            (local.set $ap (local.get $arow))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (block $q1done
              (loop $q1
                (br_if $q1done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $x (f64.add (local.get $x) (f64.mul (f64.load (local.get $ap)) (f64.load (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (i32.const 8)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $q1)))
            (f64.store (i32.add (local.get $crow) (i32.shl (local.get $j) (i32.const 3))) (local.get $x))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $l1)))
        (local.set $arow (local.get $aend))
        (local.set $crow (i32.add (local.get $crow) (local.get $rowN)))
        (local.set $group (i32.sub (local.get $group) (i32.const 1)))
        (br $groupLoop)))
        (br $rowsLoop))))

  ;; float64: c[m, j] += sum_i a[i, m] b[i, j], as atb in f64x2: two m and 8 columns
  ;; at a time, then what is left of an m 8, 2 and 1 columns at a time.
  (func (export "atb64")
    (param $a i32) (param $b i32) (param $c i32) (param $rows i32) (param $M i32) (param $N i32)
    (local $rowA i32) (local $rowN i32) (local $m i32) (local $j i32) (local $ap i32) (local $aend i32)
    (local $bp i32) (local $cp i32)
    (local $j0 i32) (local $group i32)
    (local $s v128) (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $t v128) (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $x f64)
    (local.set $rowA (i32.shl (local.get $M) (i32.const 3)))
    (local.set $rowN (i32.shl (local.get $N) (i32.const 3)))
    (local.set $m (i32.const 0))
    (block $mDone
      (loop $mLoop
        (br_if $mDone (i32.ge_u (local.get $m) (local.get $M)))
        (local.set $j (i32.const 0))
        (local.set $group (i32.const 1))
        ;; two columns of a (m, m + 1) at a time, 8 of b: each load of b serves both sums
        (if (i32.le_u (i32.add (local.get $m) (i32.const 2)) (local.get $M))
          (then
            (local.set $group (i32.const 2))
            (local.set $aend (i32.add (i32.add (local.get $a) (i32.shl (local.get $m) (i32.const 3)))
                                      (i32.mul (local.get $rows) (local.get $rowA))))
            (local.set $cp (i32.add (local.get $c) (i32.mul (local.get $m) (local.get $rowN))))
            (block $p8
              (loop $lp8
                (br_if $p8 (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $N)))
                (local.set $c0 (v128.const i64x2 0 0))
                (local.set $d0 (v128.const i64x2 0 0))
                (local.set $c1 (v128.const i64x2 0 0))
                (local.set $d1 (v128.const i64x2 0 0))
                (local.set $c2 (v128.const i64x2 0 0))
                (local.set $d2 (v128.const i64x2 0 0))
                (local.set $c3 (v128.const i64x2 0 0))
                (local.set $d3 (v128.const i64x2 0 0))
                (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $m) (i32.const 3))))
                (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
                (block $ipdone
                  (loop $ip
                    (br_if $ipdone (i32.ge_u (local.get $ap) (local.get $aend)))
                    (local.set $s (f64x2.splat (f64.load (local.get $ap))))
                    (local.set $t (f64x2.splat (f64.load offset=8 (local.get $ap))))
                    (local.set $b0 (v128.load offset=0 (local.get $bp)))
                    (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $s) (local.get $b0))))
                    (local.set $d0 (f64x2.add (local.get $d0) (f64x2.mul (local.get $t) (local.get $b0))))
                    (local.set $b1 (v128.load offset=16 (local.get $bp)))
                    (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $s) (local.get $b1))))
                    (local.set $d1 (f64x2.add (local.get $d1) (f64x2.mul (local.get $t) (local.get $b1))))
                    (local.set $b2 (v128.load offset=32 (local.get $bp)))
                    (local.set $c2 (f64x2.add (local.get $c2) (f64x2.mul (local.get $s) (local.get $b2))))
                    (local.set $d2 (f64x2.add (local.get $d2) (f64x2.mul (local.get $t) (local.get $b2))))
                    (local.set $b3 (v128.load offset=48 (local.get $bp)))
                    (local.set $c3 (f64x2.add (local.get $c3) (f64x2.mul (local.get $s) (local.get $b3))))
                    (local.set $d3 (f64x2.add (local.get $d3) (f64x2.mul (local.get $t) (local.get $b3))))
                    (local.set $ap (i32.add (local.get $ap) (local.get $rowA)))
                    (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                    (br $ip)))
                (local.set $bp (i32.add (local.get $cp) (i32.shl (local.get $j) (i32.const 3))))
                (v128.store offset=0 (local.get $bp) (f64x2.add (v128.load offset=0 (local.get $bp)) (local.get $c0)))
                (v128.store offset=16 (local.get $bp) (f64x2.add (v128.load offset=16 (local.get $bp)) (local.get $c1)))
                (v128.store offset=32 (local.get $bp) (f64x2.add (v128.load offset=32 (local.get $bp)) (local.get $c2)))
                (v128.store offset=48 (local.get $bp) (f64x2.add (v128.load offset=48 (local.get $bp)) (local.get $c3)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (v128.store offset=0 (local.get $bp) (f64x2.add (v128.load offset=0 (local.get $bp)) (local.get $d0)))
                (v128.store offset=16 (local.get $bp) (f64x2.add (v128.load offset=16 (local.get $bp)) (local.get $d1)))
                (v128.store offset=32 (local.get $bp) (f64x2.add (v128.load offset=32 (local.get $bp)) (local.get $d2)))
                (v128.store offset=48 (local.get $bp) (f64x2.add (v128.load offset=48 (local.get $bp)) (local.get $d3)))
                (local.set $j (i32.add (local.get $j) (i32.const 8)))
                (br $lp8)))))
        ;; the columns of b left, for each m of the group (all of them for a lone last m)
        (local.set $j0 (local.get $j))
        (block $groupDone
          (loop $groupLoop
        (br_if $groupDone (i32.eqz (local.get $group)))
        (local.set $aend (i32.add (i32.add (local.get $a) (i32.shl (local.get $m) (i32.const 3)))
                                  (i32.mul (local.get $rows) (local.get $rowA))))
        (local.set $cp (i32.add (local.get $c) (i32.mul (local.get $m) (local.get $rowN))))
        (local.set $j (local.get $j0))
        (block $d8
          (loop $l8
            (br_if $d8 (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $N)))
            (local.set $c0 (v128.const i64x2 0 0))
            (local.set $c1 (v128.const i64x2 0 0))
            (local.set $c2 (v128.const i64x2 0 0))
            (local.set $c3 (v128.const i64x2 0 0))
            (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $m) (i32.const 3))))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (block $i8done
              (loop $i8
                (br_if $i8done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $s (f64x2.splat (f64.load (local.get $ap))))
                (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $bp)))))
                (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $bp)))))
                (local.set $c2 (f64x2.add (local.get $c2) (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $bp)))))
                (local.set $c3 (f64x2.add (local.get $c3) (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (local.get $rowA)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $i8)))
            (local.set $bp (i32.add (local.get $cp) (i32.shl (local.get $j) (i32.const 3))))
            (v128.store offset=0 (local.get $bp) (f64x2.add (v128.load offset=0 (local.get $bp)) (local.get $c0)))
            (v128.store offset=16 (local.get $bp) (f64x2.add (v128.load offset=16 (local.get $bp)) (local.get $c1)))
            (v128.store offset=32 (local.get $bp) (f64x2.add (v128.load offset=32 (local.get $bp)) (local.get $c2)))
            (v128.store offset=48 (local.get $bp) (f64x2.add (v128.load offset=48 (local.get $bp)) (local.get $c3)))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $l8)))
        (block $d2
          (loop $l2
            (br_if $d2 (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $N)))
            (local.set $c0 (v128.const i64x2 0 0))
            (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $m) (i32.const 3))))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (block $i2done
              (loop $i2
                (br_if $i2done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $c0 (f64x2.add (local.get $c0)
                  (f64x2.mul (f64x2.splat (f64.load (local.get $ap))) (v128.load (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (local.get $rowA)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $i2)))
            (local.set $bp (i32.add (local.get $cp) (i32.shl (local.get $j) (i32.const 3))))
            (v128.store (local.get $bp) (f64x2.add (v128.load (local.get $bp)) (local.get $c0)))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $l2)))
        (block $d1
          (loop $l1
            (br_if $d1 (i32.ge_u (local.get $j) (local.get $N)))
            (local.set $x (f64.const 0))
            (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $m) (i32.const 3))))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (block $i1done
              (loop $i1
                (br_if $i1done (i32.ge_u (local.get $ap) (local.get $aend)))
                (local.set $x (f64.add (local.get $x) (f64.mul (f64.load (local.get $ap)) (f64.load (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (local.get $rowA)))
                (local.set $bp (i32.add (local.get $bp) (local.get $rowN)))
                (br $i1)))
            (local.set $bp (i32.add (local.get $cp) (i32.shl (local.get $j) (i32.const 3))))
            (f64.store (local.get $bp) (f64.add (f64.load (local.get $bp)) (local.get $x)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $l1)))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (local.set $group (i32.sub (local.get $group) (i32.const 1)))
        (br $groupLoop)))
        (br $mLoop))))

  ;; float64: c[j] += sum_i a[i, j], as colsum in f64x2 (8 columns at a time: four sums in
  ;; flight rather than one chain of dependent adds).
  (func (export "colsum64")
    (param $a i32) (param $c i32) (param $rows i32) (param $N i32)
    (local $rowN i32) (local $j i32) (local $ap i32) (local $aend i32)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128) (local $x f64)
    (local.set $rowN (i32.shl (local.get $N) (i32.const 3)))
    (local.set $j (i32.const 0))
    (block $d8
      (loop $l8
        (br_if $d8 (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $N)))
        (local.set $c0 (v128.const i64x2 0 0))
        (local.set $c1 (v128.const i64x2 0 0))
        (local.set $c2 (v128.const i64x2 0 0))
        (local.set $c3 (v128.const i64x2 0 0))
        (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $aend (i32.add (local.get $ap) (i32.mul (local.get $rows) (local.get $rowN))))
        (block $i8done
          (loop $i8
            (br_if $i8done (i32.ge_u (local.get $ap) (local.get $aend)))
            (local.set $c0 (f64x2.add (local.get $c0) (v128.load offset=0 (local.get $ap))))
            (local.set $c1 (f64x2.add (local.get $c1) (v128.load offset=16 (local.get $ap))))
            (local.set $c2 (f64x2.add (local.get $c2) (v128.load offset=32 (local.get $ap))))
            (local.set $c3 (f64x2.add (local.get $c3) (v128.load offset=48 (local.get $ap))))
            (local.set $ap (i32.add (local.get $ap) (local.get $rowN)))
            (br $i8)))
        (local.set $ap (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
        (v128.store offset=0 (local.get $ap) (f64x2.add (v128.load offset=0 (local.get $ap)) (local.get $c0)))
        (v128.store offset=16 (local.get $ap) (f64x2.add (v128.load offset=16 (local.get $ap)) (local.get $c1)))
        (v128.store offset=32 (local.get $ap) (f64x2.add (v128.load offset=32 (local.get $ap)) (local.get $c2)))
        (v128.store offset=48 (local.get $ap) (f64x2.add (v128.load offset=48 (local.get $ap)) (local.get $c3)))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $l8)))
    (block $d2
      (loop $l2
        (br_if $d2 (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $N)))
        (local.set $c0 (v128.const i64x2 0 0))
        (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $aend (i32.add (local.get $ap) (i32.mul (local.get $rows) (local.get $rowN))))
        (block $i2done
          (loop $i2
            (br_if $i2done (i32.ge_u (local.get $ap) (local.get $aend)))
            (local.set $c0 (f64x2.add (local.get $c0) (v128.load (local.get $ap))))
            (local.set $ap (i32.add (local.get $ap) (local.get $rowN)))
            (br $i2)))
        (local.set $ap (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
        (v128.store (local.get $ap) (f64x2.add (v128.load (local.get $ap)) (local.get $c0)))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $l2)))
    (block $d1
      (loop $l1
        (br_if $d1 (i32.ge_u (local.get $j) (local.get $N)))
        (local.set $x (f64.const 0))
        (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $aend (i32.add (local.get $ap) (i32.mul (local.get $rows) (local.get $rowN))))
        (block $i1done
          (loop $i1
            (br_if $i1done (i32.ge_u (local.get $ap) (local.get $aend)))
            (local.set $x (f64.add (local.get $x) (f64.load (local.get $ap))))
            (local.set $ap (i32.add (local.get $ap) (local.get $rowN)))
            (br $i1)))
        (local.set $ap (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
        (f64.store (local.get $ap) (f64.add (f64.load (local.get $ap)) (local.get $x)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $l1))))

  ;; float64: dst[c, r] = src[r, c], as transpose.
  (func (export "transpose64")
    (param $src i32) (param $dst i32) (param $R i32) (param $C i32)
    (local $r i32) (local $c i32)
    (local.set $r (i32.const 0))
    (block $rd
      (loop $rl
        (br_if $rd (i32.ge_u (local.get $r) (local.get $R)))
        (local.set $c (i32.const 0))
        (block $cd
          (loop $cl
            (br_if $cd (i32.ge_u (local.get $c) (local.get $C)))
            (f64.store
              (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $R)) (local.get $r)) (i32.const 3)))
              (f64.load (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $C)) (local.get $c)) (i32.const 3)))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $cl)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rl))))

  ;; float64: dst[r, c] += src[c, r], as addTransposed.
  (func (export "addTransposed64")
    (param $dst i32) (param $src i32) (param $R i32) (param $C i32)
    (local $r i32) (local $c i32) (local $p i32)
    (local.set $r (i32.const 0))
    (block $rd
      (loop $rl
        (br_if $rd (i32.ge_u (local.get $r) (local.get $R)))
        (local.set $c (i32.const 0))
        (block $cd
          (loop $cl
            (br_if $cd (i32.ge_u (local.get $c) (local.get $C)))
            (local.set $p (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $C)) (local.get $c)) (i32.const 3))))
            (f64.store (local.get $p)
              (f64.add (f64.load (local.get $p))
                (f64.load (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $R)) (local.get $r)) (i32.const 3))))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $cl)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rl))))

  ;; float64 relu, as relu: max(z, +0).
  (func (export "relu64") (param $z i32) (param $a i32) (param $count i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $count) (i32.const 3))))
    (block $d2
      (loop $l2
        (br_if $d2 (i32.gt_u (i32.add (local.get $z) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $a) (f64x2.max (v128.load (local.get $z)) (v128.const i64x2 0 0)))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (br $l2)))
    (if (i32.lt_u (local.get $z) (local.get $end))
      (then (f64.store (local.get $a) (f64.max (f64.load (local.get $z)) (f64.const 0))))))

  ;; float64 relu backward, as reluBackward: dz = z > 0 ? g : (z <= 0 ? 0 : z).
  (func (export "reluBackward64") (param $z i32) (param $g i32) (param $dz i32) (param $count i32)
    (local $end i32) (local $v v128) (local $x f64)
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $count) (i32.const 3))))
    (block $d2
      (loop $l2
        (br_if $d2 (i32.gt_u (i32.add (local.get $z) (i32.const 16)) (local.get $end)))
        (local.set $v (v128.load (local.get $z)))
        (v128.store (local.get $dz)
          (v128.or
            (v128.and (v128.load (local.get $g)) (f64x2.gt (local.get $v) (v128.const i64x2 0 0)))
            (v128.and (local.get $v) (f64x2.ne (local.get $v) (local.get $v)))))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $g (i32.add (local.get $g) (i32.const 16)))
        (local.set $dz (i32.add (local.get $dz) (i32.const 16)))
        (br $l2)))
    (if (i32.lt_u (local.get $z) (local.get $end))
      (then
        (local.set $x (f64.load (local.get $z)))
        (f64.store (local.get $dz)
          (if (result f64) (f64.gt (local.get $x) (f64.const 0))
            (then (f64.load (local.get $g)))
            (else (if (result f64) (f64.le (local.get $x) (f64.const 0))
              (then (f64.const 0))
              (else (local.get $x)))))))))
)
