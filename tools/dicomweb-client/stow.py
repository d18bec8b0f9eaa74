"""Stores DICOM files on a DICOMweb server with dicomweb-client (STOW-RS); prints the response as JSON.

The bearer token for the server is read from SPINEQC_API_TOKEN (an ingest token), never from the command line.
"""

import json
import os
import sys

import pydicom
from dicomweb_client.api import DICOMwebClient


def main() -> None:
    url, *files = sys.argv[1:]
    token = os.environ.get("SPINEQC_API_TOKEN")
    headers = {"Authorization": f"Bearer {token}"} if token else None
    client = DICOMwebClient(url=url, headers=headers)
    response = client.store_instances(datasets=[pydicom.dcmread(f) for f in files])
    print(json.dumps(response.to_json_dict()))


if __name__ == "__main__":
    main()
