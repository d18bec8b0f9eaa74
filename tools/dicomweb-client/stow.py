"""Stores DICOM files on a DICOMweb server with dicomweb-client (STOW-RS); prints the response as JSON."""

import json
import sys

import pydicom
from dicomweb_client.api import DICOMwebClient


def main() -> None:
    url, *files = sys.argv[1:]
    client = DICOMwebClient(url=url)
    response = client.store_instances(datasets=[pydicom.dcmread(f) for f in files])
    print(json.dumps(response.to_json_dict()))


if __name__ == "__main__":
    main()
