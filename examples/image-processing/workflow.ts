/** The image pipeline: read the picture, make two thumbnails side by side, record what was made. */
export const THUMBNAIL_WIDTHS = [16, 32] as const;

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

const thumbnailBranch = (width: number) => ({
  StartAt: `Thumbnail ${width}px`,
  States: {
    [`Thumbnail ${width}px`]: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: {
        FunctionName: 'MakeThumbnail',
        Payload: { 'source.$': '$.source', 'outputDir.$': '$.outputDir', width },
      },
      // lambda:invoke wraps the function's answer in Lambda's Invoke response.
      OutputPath: '$.Payload',
      Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2, IntervalSeconds: 1 }],
      End: true,
    },
  },
});

export const imageProcessing = {
  Comment: 'Thumbnails and metadata for one PNG file',
  StartAt: 'Read Image',
  States: {
    'Read Image': {
      Type: 'Task',
      Resource: fn('ReadImage'),
      Parameters: { 'path.$': '$.source' },
      ResultPath: '$.image',
      Next: 'Make Thumbnails',
    },
    'Make Thumbnails': {
      Type: 'Parallel',
      Branches: THUMBNAIL_WIDTHS.map(thumbnailBranch),
      ResultPath: '$.thumbnails',
      Next: 'Record Metadata',
    },
    'Record Metadata': {
      Type: 'Task',
      Resource: fn('RecordMetadata'),
      Parameters: {
        'source.$': '$.source',
        'image.$': '$.image',
        'thumbnails.$': '$.thumbnails',
        'outputDir.$': '$.outputDir',
      },
      End: true,
    },
  },
} as const;
