function varargout = testnet(varargin)
%TESTNET  bigru.testnet under MATLAB's unqualified name; see help bigru.testnet.
[varargout{1:max(nargout, 1)}] = bigru.testnet(varargin{:});
end
