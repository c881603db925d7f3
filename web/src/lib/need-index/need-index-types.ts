export interface NeedIndexComponent {
  indicatorKey: string;
  weight: number;
}

/** `GET /api/need-indices` entries. */
export interface SavedNeedIndex {
  key: string;
  name: string;
  components: NeedIndexComponent[];
  createdAt: string;
}

/** `POST /api/need-indices` answer. */
export interface CreatedNeedIndex {
  key: string;
  name: string;
  components: NeedIndexComponent[];
  settlements: number;
}
