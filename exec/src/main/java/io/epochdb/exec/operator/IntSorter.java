package io.epochdb.exec.operator;

/** Merge sort of an int[] (row numbers) with a primitive comparator: no boxing, O(n log n), stable. */
final class IntSorter {
    interface IntComparator {
        int compare(int a, int b);
    }

    private IntSorter() {
    }

    static void sort(int[] a, int from, int to, IntComparator c) {
        if (to - from < 2) {
            return;
        }
        int[] tmp = new int[to - from];
        mergeSort(a, tmp, from, to, c);
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, IntComparator c) {
        int n = to - from;
        if (n <= 24) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && c.compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, c);
        mergeSort(a, tmp, mid, to, c);
        if (c.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, 0, mid - from);
        int i = 0;
        int iEnd = mid - from;
        int j = mid;
        int k = from;
        while (i < iEnd && j < to) {
            if (c.compare(a[j], tmp[i]) < 0) {
                a[k++] = a[j++];
            } else {
                a[k++] = tmp[i++];
            }
        }
        while (i < iEnd) {
            a[k++] = tmp[i++];
        }
    }
}
