// The review page's requests beyond the shared api-client: feedback, DICOM tags and the two binary layers.
import type {
  DicomTagsJson,
  FeedbackListJson,
  FeedbackRecordJson,
  FeedbackRequest,
} from '@spineqc/contracts';
import { decode } from 'fast-png';
import { ApiRequestError, apiFetch, examImageUrl, getJson, postJson, readApiError } from '@/lib/api-client';
import { greyImageFromPng, type GreyImage } from './grey-image';
import { maskLayersFromPng, type MaskLayers } from './mask-layers';
import { windowFromHeaders, type WindowLevel } from './window-level';

const examPath = (id: string, rest = '') => `/api/exams/${encodeURIComponent(id)}${rest}`;

export const examPixelsUrl = (id: string) => examPath(id, '/pixels');
export const examMasksUrl = (id: string) => examPath(id, '/masks');
export const examOriginalUrl = (id: string) => examPath(id, '/original');

export const getFeedback = (id: string, init?: RequestInit) =>
  getJson<FeedbackListJson>(examPath(id, '/feedback'), undefined, init);

export const postFeedback = (id: string, body: FeedbackRequest) =>
  postJson<FeedbackRecordJson>(examPath(id, '/feedback'), body);

export const getDicomTags = (id: string, init?: RequestInit) =>
  getJson<DicomTagsJson>(examPath(id, '/dicom-tags'), undefined, init);

async function fetchPng(path: string, signal?: AbortSignal): Promise<Response> {
  const response = await apiFetch(path, { cache: 'no-store', signal });
  if (!response.ok) throw await readApiError(response);
  return response;
}

export interface LoadedImage {
  image: GreyImage;
  /** The API's suggested window; null for the 8-bit fallback, which is already windowed. */
  suggestedWindow: WindowLevel | null;
  /** 'pixels' = the 16-bit stored values; 'display' = the 8-bit /image fallback. */
  source: 'pixels' | 'display';
  /** Why the 16-bit pixels could not be used, when the fallback was. */
  fallbackReason: string | null;
}

/**
 * The radiograph's stored values (16-bit PNG from /pixels, decoded here because a canvas cannot decode 16-bit),
 * or, when the API has no /pixels route (404 from an older API), the 8-bit /image so the exam can still be read.
 */
export async function loadExamImage(id: string, signal?: AbortSignal): Promise<LoadedImage> {
  let fallbackReason: string;
  try {
    const response = await fetchPng(examPixelsUrl(id), signal);
    const image = greyImageFromPng(decode(new Uint8Array(await response.arrayBuffer())));
    return {
      image,
      suggestedWindow: windowFromHeaders(
        response.headers.get('X-Window-Center'),
        response.headers.get('X-Window-Width'),
      ),
      source: 'pixels',
      fallbackReason: null,
    };
  } catch (error) {
    if (!(error instanceof ApiRequestError) || error.status !== 404) throw error;
    // "no exam" is final; only a missing route falls back.
    if (/^no exam /.test(error.message)) throw error;
    fallbackReason = error.message;
  }
  const response = await fetchPng(examImageUrl(id), signal);
  return {
    image: greyImageFromPng(decode(new Uint8Array(await response.arrayBuffer()))),
    suggestedWindow: null,
    source: 'display',
    fallbackReason,
  };
}

export async function loadMaskLayers(id: string, signal?: AbortSignal): Promise<MaskLayers> {
  const response = await fetchPng(examMasksUrl(id), signal);
  return maskLayersFromPng(decode(new Uint8Array(await response.arrayBuffer())));
}
